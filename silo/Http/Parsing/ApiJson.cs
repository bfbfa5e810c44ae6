using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>The silo's JSON settings: the API's conventions (<see cref="HttpApiJson"/>), and unknown request fields are an error, not ignored.</summary>
internal static class ApiJson
{
    /// <summary>For request bodies: also refuses nesting deeper than <see cref="JsonBodyPump.MaxDepth"/>.</summary>
    public static readonly JsonSerializerOptions Options = WithMaxDepth(Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)));

    /// <summary>
    /// The settings of answers and of the OpenAPI schemas (which mark objects closed, as the readers treat them). No
    /// depth limit here: it bounds what a client may send, and the schema generator counts a schema's depth against it.
    /// </summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        HttpApiJson.Configure(options);
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        return options;
    }

    private static JsonSerializerOptions WithMaxDepth(JsonSerializerOptions options)
    {
        options.MaxDepth = JsonBodyPump.MaxDepth;
        return options;
    }
}
