using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Sentiment.HttpApi;

/// <summary>
/// The API's JSON conventions: camelCase names, null properties left out, NaN and infinities (a model's logits) as
/// the strings "NaN", "Infinity", "-Infinity". <see cref="Options"/> reads answers leniently (an unknown property is
/// skipped, so a newer silo's additions do not break an older client); the silo reads requests strictly on top.
/// </summary>
public static class HttpApiJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        return options;
    }
}
