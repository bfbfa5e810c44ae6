using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Orleans.Sentiment.EndToEndTests.Tracing.Otlp;
using Orleans.Sentiment.Modeling;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests.Tracing;

/// <summary>
/// A silo started with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> exports one linked trace per ingested batch to a real OTLP
/// receiver: the HTTP request, the stream hop, the source grain, the model call, the alert and its Slack post.
/// </summary>
public sealed class TracingEndToEndTests : IDisposable
{
    private const string Tenant = "acme";
    private const string Source = "app-store";
    private const string CommentsPath = $"/v1/tenants/{Tenant}/sources/{Source}/comments";
    private static readonly string[] PipelineSpans = ["publish", "process batch", "classify", "alert", "alert post"];
    private readonly string _model = Directory.CreateTempSubdirectory("tracing-model-").FullName;

    public void Dispose() => Directory.Delete(_model, recursive: true);

    [Fact]
    public async Task Ingest_OneBatchThatAlerts_ExportsOneLinkedTraceWithoutCommentText()
    {
        await using var otlp = new OtlpReceiver();
        await using var slack = new WebhookReceiver();
        LexiconModelBuilder.Write(_model, ["negative", "positive"], [0f, 0.5f], new Dictionary<string, float[]> { ["broken"] = [20f, 0f] });
        await using var silo = await SiloProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["Models:0:Name"] = "sentiment",
                ["Models:0:Path"] = _model,
                ["Slack:AllowedHosts:0"] = "127.0.0.1",
                ["Slack:AllowPrivateNetworks"] = "true",
            },
            new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.Endpoint,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                // Export every 100 ms instead of every 5 s.
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            });
        using var http = new HttpClient { BaseAddress = silo.BaseUrl };
        var policy = await http.PutAsJsonAsync($"/v1/tenants/{Tenant}/sources/{Source}/alert-policy",
            new { windowSize = 10, threshold = 0.10, minCount = 3, cooldown = "PT15M", webhookUrl = slack.Url });
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        // Digits only after an English word: random hex letters would make the comment's language a matter of chance.
        var marker = $"zebra-{Random.Shared.NextInt64(1_000_000_000_000, 10_000_000_000_000)}";

        var ingest = await http.PostAsJsonAsync(CommentsPath, Enumerable.Range(0, 3).Select(i => new { id = $"t-{i}", text = $"The checkout is broken again and I cannot pay {marker} #{i}" }));

        Assert.Equal(HttpStatusCode.Accepted, ingest.StatusCode);
        await Eventually.WaitForAsync(() => Task.FromResult(slack.Received), r => r.Count == 1, "the spike alert to be posted");
        var request = await Eventually.WaitForAsync(() => Task.FromResult(IngestRequest(otlp.Spans)), r => r is not null, "the ingestion request's span");
        var trace = (await Eventually.WaitForAsync(
            () => Task.FromResult(new Trace([.. otlp.Spans.Where(s => s.TraceId == request!.TraceId)])),
            t => PipelineSpans.All(name => t.Spans.Any(s => s.Name == name)) && t.Spans.Any(s => s.Kind == Span.Types.SpanKind.Client),
            "the pipeline's spans and the Slack post's HTTP span in the request's trace")).Spans;

        var publish = ChildOf(trace, request!, "publish");
        var process = ChildOf(trace, publish, "process batch");
        var classify = ChildOf(trace, process, "classify");
        var alert = ChildOf(trace, process, "alert");
        var post = ChildOf(trace, alert, "alert post");
        var webhookCall = Assert.Single(trace, s => s.ParentSpanId == post.SpanId);
        // The batching service may split the 3 texts over its workers: the model calls that served them carry all 3.
        var modelCalls = await Eventually.WaitForAsync(
            () => Task.FromResult(otlp.Spans.Where(s => s.Name == "model call" && s.LinksTo(classify)).ToList()),
            calls => calls.Sum(c => int.Parse(c.Tag("sentiment.batch.size")!, CultureInfo.InvariantCulture)) == 3, "the model calls linked to the classify span");

        Assert.Equal((Span.Types.SpanKind.Producer, Span.Types.SpanKind.Consumer, Span.Types.SpanKind.Client), (publish.Kind, process.Kind, webhookCall.Kind));
        Assert.All([publish, process], s => Assert.Equal((Tenant, Source, "3"), (s.Tag("sentiment.tenant"), s.Tag("sentiment.source"), s.Tag("sentiment.comment.count"))));
        Assert.Equal((Tenant, "3", "sentiment"), (classify.Tag("sentiment.tenant"), classify.Tag("sentiment.text.count"), classify.Tag("sentiment.models")));
        Assert.Equal(("spike", "3", "sent"), (alert.Tag("sentiment.alert.kind"), alert.Tag("sentiment.alert.negative_count"), post.Tag("sentiment.alert.result")));
        Assert.All(modelCalls, call =>
        {
            Assert.True(classify.LinksTo(call), "the classify span links back to each model call that served it");
            Assert.NotEqual(request!.TraceId, call.TraceId); // a model call serves many requests: its own trace, linked
            Assert.Equal("sentiment", call.Tag("sentiment.models"));
        });
        Assert.Equal(new Uri(slack.Url).GetLeftPart(UriPartial.Authority), webhookCall.Tag("url.full"));
        var recorded = otlp.Spans.SelectMany(s => s.AttributeValues().Append(s.Name)).Concat(otlp.ResourceAttributes.Select(a => ReceivedSpan.Text(a.Value))).ToList();
        Assert.DoesNotContain(recorded, value => value.Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain(recorded, value => value.Contains(new Uri(slack.Url).AbsolutePath, StringComparison.Ordinal));
        Assert.DoesNotContain(marker, silo.Output);
    }

    /// <summary>The spans of one trace, listed by name when a wait for them times out.</summary>
    private sealed record Trace(IReadOnlyList<ReceivedSpan> Spans)
    {
        public override string ToString() => $"[{string.Join(", ", Spans)}]";
    }

    private static ReceivedSpan? IngestRequest(IReadOnlyList<ReceivedSpan> spans) =>
        spans.FirstOrDefault(s => s.Kind == Span.Types.SpanKind.Server && s.Tag("url.path") == CommentsPath && s.Tag("http.request.method") == "POST");

    private static ReceivedSpan ChildOf(IReadOnlyList<ReceivedSpan> trace, ReceivedSpan parent, string name) =>
        Assert.Single(trace, s => s.Name == name && s.ParentSpanId == parent.SpanId);
}
