using System.Text;

namespace Orleans.Sentiment.HttpApi;

/// <summary>The route templates of the HTTP API, as the silo maps them and the OpenAPI document lists them.</summary>
public static class ApiRoutes
{
    public const string Comments = "/v1/tenants/{tenant}/sources/{source}/comments";
    public const string Classify = "/v1/classify";
    public const string Sources = "/v1/tenants/{tenant}/sources";
    public const string Window = "/v1/tenants/{tenant}/sources/{source}/window";
    public const string AlertPolicy = "/v1/tenants/{tenant}/sources/{source}/alert-policy";
    public const string Alerts = "/v1/tenants/{tenant}/sources/{source}/alerts";
    public const string Themes = "/v1/tenants/{tenant}/sources/{source}/themes";
    public const string PolicyTest = "/v1/tenants/{tenant}/sources/{source}/policy-test";
    public const string DeadLetters = "/v1/tenants/{tenant}/dead-letters";
    public const string Corrections = "/v1/tenants/{tenant}/corrections";
    public const string Keys = "/v1/tenants/{tenant}/keys";
    public const string Key = "/v1/tenants/{tenant}/keys/{id}";
    public const string Models = "/v1/tenants/{tenant}/models";
    public const string Model = "/v1/tenants/{tenant}/models/{model}";
    public const string ModelVersions = "/v1/tenants/{tenant}/models/{model}/versions";
    public const string ModelActive = "/v1/tenants/{tenant}/models/{model}/active";
    public const string Examples = "/v1/tenants/{tenant}/models/{model}/examples";
    public const string ExamplesExport = "/v1/tenants/{tenant}/models/{model}/examples/export";
    public const string Example = "/v1/tenants/{tenant}/models/{model}/examples/{id}";
    public const string Jobs = "/v1/tenants/{tenant}/jobs";
    public const string Job = "/v1/tenants/{tenant}/jobs/{id}";
    public const string JobCancel = "/v1/tenants/{tenant}/jobs/{id}/cancel";
    public const string WhoAmI = "/v1/whoami";
    public const string HealthLive = "/health/live";
    public const string HealthReady = "/health/ready";
    public const string Metrics = "/metrics";
    public const string OpenApiDocument = "/openapi/v1.json";

    /// <summary>
    /// The path of <paramref name="template"/> with its placeholders replaced, in order, by <paramref name="values"/>
    /// (URI-escaped), without the leading slash: resolved against a base URL it keeps the base's own path.
    /// </summary>
    public static string Path(string template, params ReadOnlySpan<string> values)
    {
        var path = new StringBuilder(template.Length + 32);
        var next = 0;
        for (var i = 1; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                path.Append(template[i]);
                continue;
            }

            if (next >= values.Length)
            {
                throw new ArgumentException($"'{template}' needs more than {values.Length} values.", nameof(values));
            }

            path.Append(Uri.EscapeDataString(values[next++]));
            i = template.IndexOf('}', i);
        }

        return next == values.Length ? path.ToString() : throw new ArgumentException($"'{template}' takes {next} values, not {values.Length}.", nameof(values));
    }
}
