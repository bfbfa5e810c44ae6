namespace Orleans.Sentiment.Hosting.Models;

/// <summary>
/// The models a silo serves (configuration section "Models", a list: <c>Models:0:Path</c>, <c>Models:1:Path</c>, …);
/// none serves the built-in models.
/// </summary>
public sealed class ServedModelsOptions : List<ModelOptions>
{
    public const string Section = "Models";
}
