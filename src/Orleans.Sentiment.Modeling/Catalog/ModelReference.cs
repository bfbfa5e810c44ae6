using Orleans.Sentiment.Hub;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Modeling.Catalog;

/// <summary>What kind of model a reference names.</summary>
public enum ModelReferenceKind
{
    /// <summary>A local model folder (Hugging Face layout).</summary>
    Folder,

    /// <summary>A Hugging Face hub id, <c>org/name</c>, pulled into the hub cache.</summary>
    Hub,

    /// <summary>A built-in classifier: <c>builtin:sentiment</c> or <c>builtin:category</c>, built at first use.</summary>
    BuiltIn,

    /// <summary>The built-in base encoder, <c>builtin:minilm</c>: something to fine-tune, not a classifier.</summary>
    BaseEncoder,
}

/// <summary>
/// The one reading of "which model" for the silo's <c>Models:N:Path</c> and the CLI's <c>--model</c> and
/// <c>--base</c>: <c>builtin:NAME</c>, a hub id <c>org/name</c> (never an existing folder or anything that looks like a
/// path, see <see cref="HubModelResolver.LooksLikePath"/>), or a folder.
/// </summary>
public sealed record ModelReference(ModelReferenceKind Kind, string Value)
{
    public const string BuiltInPrefix = "builtin:";
    public const string MiniLm = "minilm";

    /// <summary>Parses a reference; throws <see cref="ModelFolderException"/> naming <paramref name="what"/> (the setting or option) when it cannot be one.</summary>
    public static ModelReference Parse(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ModelFolderException($"{what} must name a model folder or a hub id (org/name), or a built-in model ({BuiltInPrefix}sentiment, {BuiltInPrefix}category).");
        }

        if (text.StartsWith(BuiltInPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var name = text[BuiltInPrefix.Length..].ToLowerInvariant();
            return name switch
            {
                MiniLm => new ModelReference(ModelReferenceKind.BaseEncoder, name),
                _ when BuiltIn.BuiltInModels.ModelNames.Contains(name) => new ModelReference(ModelReferenceKind.BuiltIn, name),
                _ => throw new ModelFolderException(
                    $"{what}: unknown built-in model '{text}'. The built-in classifiers are {string.Join(" and ", BuiltIn.BuiltInModels.ModelNames.Select(n => BuiltInPrefix + n))}; {BuiltInPrefix}{MiniLm} is the base encoder for train --base."),
            };
        }

        return HubModelResolver.IsHubId(text) ? new ModelReference(ModelReferenceKind.Hub, text) : new ModelReference(ModelReferenceKind.Folder, text);
    }

    /// <summary>The name a model is served under when none is given: the built-in's name, the hub repository's or the folder's.</summary>
    public string DefaultName => Kind switch
    {
        ModelReferenceKind.Hub => Value[(Value.LastIndexOf('/') + 1)..],
        ModelReferenceKind.Folder => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(Value))),
        _ => Value,
    };

    public override string ToString() => Kind is ModelReferenceKind.BuiltIn or ModelReferenceKind.BaseEncoder ? BuiltInPrefix + Value : Value;
}
