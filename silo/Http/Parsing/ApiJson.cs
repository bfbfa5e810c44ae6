using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Sentiment.Silo.Http.Parsing;

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
        options.MaxDepth = JsonBodyPump.MaxDepth;
        return options;
    }
}
