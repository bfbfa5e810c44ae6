using Microsoft.Extensions.Options;
using Orleans.Sentiment.Grains.Themes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Catalog;

namespace Orleans.Sentiment.Hosting.Models;

/// <summary>
/// Checks at start that <c>Themes:SentenceModel</c> reads as a base encoder (the built-in MiniLM, a hub id or a folder
/// that exists), so a mistyped reference fails the start naming the setting instead of the first themes request.
/// </summary>
internal sealed class SentenceModelValidation : IValidateOptions<ThemesOptions>
{
    private const string Setting = "Themes:SentenceModel";

    public ValidateOptionsResult Validate(string? name, ThemesOptions options)
    {
        if (!options.UsesSentenceEncoder || string.IsNullOrWhiteSpace(options.SentenceModel))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            var reference = ModelReference.Parse(options.SentenceModel, Setting);
            return reference.Kind switch
            {
                ModelReferenceKind.BuiltIn => ValidateOptionsResult.Fail(
                    $"{Setting} '{options.SentenceModel}' is a classifier; themes need a bare sentence encoder: {ModelReference.BuiltInPrefix}{ModelReference.MiniLm}, a folder with model.safetensors or a hub id."),
                ModelReferenceKind.Folder when !Directory.Exists(reference.Value) => ValidateOptionsResult.Fail(
                    $"{Setting} '{options.SentenceModel}' is not an existing folder (nor a hub id org/name)."),
                _ => ValidateOptionsResult.Success,
            };
        }
        catch (ModelFolderException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
