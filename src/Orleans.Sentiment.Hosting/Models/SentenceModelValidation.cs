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
            ModelLocator.CheckBaseEncoder(ModelReference.Parse(options.SentenceModel, Setting), Setting);
            return ValidateOptionsResult.Success;
        }
        catch (ModelFolderException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
