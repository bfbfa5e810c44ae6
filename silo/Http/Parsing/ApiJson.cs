using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>The silo's JSON settings: the API's conventions (<see cref="HttpApiJson"/>), and unknown request fields are an error, not ignored.</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        HttpApiJson.Configure(options);
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.MaxDepth = JsonBodyPump.MaxDepth;
        return options;
    }
}
