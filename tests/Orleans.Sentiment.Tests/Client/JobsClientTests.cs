using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Client.Commands;
using Orleans.Sentiment.Client.Http;

namespace Orleans.Sentiment.Tests.Client;

/// <summary>The CLI's side of training jobs: starting a version, following its job to the end, describing it.</summary>
public sealed class JobsClientTests
{
    [Fact]
    public async Task StartVersionThenFollow_JobTrainsAndSucceeds_ReturnsTheFinishedJob()
    {
        var handler = new ScriptedHandler(
            Json(HttpStatusCode.Accepted, """{"jobId":"job-1","versionId":"v1"}"""),
            Json(HttpStatusCode.OK, Job("queued", reason: "Waiting for a free slot")),
            Json(HttpStatusCode.OK, Job("training", progress: """{"phase":"train","epoch":2,"step":40,"totalSteps":80,"loss":0.25}""")),
            Json(HttpStatusCode.OK, Job("succeeded")));
        using var api = new SiloApi(new Uri("http://silo.test"), "osk_key", handler);

        var jobId = await api.StartVersionAsync("acme", "requirements", new JsonObject { ["method"] = "head" }, CancellationToken.None);
        var job = await JobWatch.FollowAsync(api, "acme", jobId, CancellationToken.None);

        Assert.Equal("job-1", jobId);
        Assert.Equal("succeeded", job.State);
        Assert.Equal(0, JobCalls.ExitCode(job));
        Assert.Equal("/v1/tenants/acme/models/requirements/versions", handler.Requests[0].Path);
        Assert.Equal("""{"method":"head"}""", handler.Requests[0].Body);
        Assert.All(handler.Requests.Skip(1), r => Assert.Equal("/v1/tenants/acme/jobs/job-1", r.Path));
    }

    [Fact]
    public async Task Follow_JobFails_ExitCodeOneAndTheReasonShown()
    {
        var handler = new ScriptedHandler(Json(HttpStatusCode.OK, Job("failed", reason: "Label 'feature' has 3 examples; at least 8 per label are needed.")));
        using var api = new SiloApi(new Uri("http://silo.test"), null, handler);

        var job = await JobWatch.FollowAsync(api, "acme", "job-1", CancellationToken.None);

        Assert.Equal(1, JobCalls.ExitCode(job));
        Assert.Equal("failed: Label 'feature' has 3 examples; at least 8 per label are needed.", JobWatch.Describe(job));
    }

    [Fact]
    public async Task Describe_Training_ShowsStepOfTotalLossAndValidation()
    {
        var handler = new ScriptedHandler(Json(HttpStatusCode.OK, Job("training", progress: """{"phase":"train","epoch":2,"step":40,"totalSteps":80,"loss":0.25,"validationMacroF1":0.71}""")));
        using var api = new SiloApi(new Uri("http://silo.test"), null, handler);

        var job = await api.GetJobAsync("acme", "job-1", CancellationToken.None);

        Assert.Equal("training (attempt 1): train, epoch 2, step 40/80, loss 0.250, validation macro-F1 0.710", JobWatch.Describe(job));
    }

    private static string Job(string state, string? reason = null, string? progress = null) =>
        $$"""{"jobId":"job-1","model":"requirements","versionId":"v1","state":"{{state}}","reason":{{(reason is null ? "null" : $"\"{reason}\"")}},"progress":{{progress ?? "null"}},"silo":"S1","attempt":1,"createdAt":"2026-12-06T10:00:00Z"}""";

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed class ScriptedHandler(params HttpResponseMessage[] answers) : HttpMessageHandler
    {
        private int _next;

        public List<(string Path, string? Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!.AbsolutePath, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
            return answers[_next++];
        }
    }
}
