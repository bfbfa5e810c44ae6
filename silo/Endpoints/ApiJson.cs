using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Sentiment.Silo.Endpoints;

/// <summary>JSON settings of the HTTP API: camelCase, and unknown request fields are an error, not ignored.</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        return options;
    }

    /// <summary>Reads a JSON request body; a malformed one yields a 400 naming where it broke instead of a value.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken), null);
        }
        catch (JsonException e)
        {
            return (default, Problems.Invalid(Describe(e), $"malformed JSON: {e.Message}"));
        }
    }

    /// <summary>Names the JSON location of a deserialization error, for the problem details.</summary>
    public static string Describe(JsonException e) =>
        string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$').TrimStart('.');
}
