namespace Orleans.Sentiment.Hosting.Models;

/// <summary>The models a silo serves (configuration array <c>Models</c> at the root); none serves the built-in models.</summary>
public sealed class ServedModelsOptions
{
    public List<ModelOptions> Models { get; set; } = [];
}
