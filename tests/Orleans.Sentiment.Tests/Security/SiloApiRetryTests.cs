using System.Net;
using System.Net.Http.Headers;
using Orleans.Sentiment.Client.Http;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Tests.Security;

public sealed class SiloApiRetryTests
{
    [Fact]
    public async Task PostCommentsAsync_429ThenAccepted_RetriesWithTheSameIdempotencyKeyAfterRetryAfter()
    {
        var handler = new ScriptedHandler(
            Answer(HttpStatusCode.TooManyRequests, retryAfterSeconds: 3),
            Answer(HttpStatusCode.ServiceUnavailable, retryAfterSeconds: 1),
            Answer(HttpStatusCode.Accepted, body: """{"accepted":1,"ids":["a"]}"""));
        var waits = new List<TimeSpan>();
        using var api = new SiloApi(new Uri("http://silo.test"), "osk_key", handler, (wait, _) => { waits.Add(wait); return Task.CompletedTask; });

        var answer = await api.PostCommentsAsync("acme", "app", [new IncomingComment(null, "hi", null)], "batch-key", CancellationToken.None);

        Assert.Equal(1, answer.Accepted);
        Assert.Equal(["a"], answer.Ids);
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1)], waits);
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("batch-key", r.Headers.GetValues("Idempotency-Key").Single()));
        Assert.All(handler.Requests, r => Assert.Equal("Bearer osk_key", r.Headers.Authorization?.ToString()));
    }

    [Fact]
    public async Task PostCommentsAsync_Always429_GivesUpAfterMaxRetries()
    {
        var handler = new ScriptedHandler([.. Enumerable.Range(0, 10).Select(_ => Answer(HttpStatusCode.TooManyRequests, retryAfterSeconds: 1))]);
        using var api = new SiloApi(new Uri("http://silo.test"), null, handler, (_, _) => Task.CompletedTask);

        var error = await Assert.ThrowsAsync<SiloApiException>(() => api.PostCommentsAsync("acme", "app", [new IncomingComment(null, "hi", null)], "k", CancellationToken.None));

        Assert.Equal(429, error.Status);
        Assert.Equal(SiloApi.MaxRetries + 1, handler.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task PostCommentsAsync_OtherErrors_AreNotRetried(HttpStatusCode status)
    {
        var handler = new ScriptedHandler(Answer(status), Answer(HttpStatusCode.Accepted));
        using var api = new SiloApi(new Uri("http://silo.test"), null, handler, (_, _) => Task.CompletedTask);

        await Assert.ThrowsAsync<SiloApiException>(() => api.PostCommentsAsync("acme", "app", [new IncomingComment(null, "hi", null)], "k", CancellationToken.None));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task PostCommentsAsync_ProblemAnswer_ThrowsWithItsFieldErrors()
    {
        var handler = new ScriptedHandler(Answer(HttpStatusCode.BadRequest, body: """{"title":"The request is invalid.","status":400,"detail":"[0].text: must not be empty.","errors":{"[0].text":["must not be empty"]},"errorCount":1}"""));
        using var api = new SiloApi(new Uri("http://silo.test"), null, handler, (_, _) => Task.CompletedTask);

        var error = await Assert.ThrowsAsync<SiloApiException>(() => api.PostCommentsAsync("acme", "app", [new IncomingComment(null, " ", null)], "k", CancellationToken.None));

        Assert.Equal("HTTP 400: [0].text: must not be empty.", error.Message);
        var problem = Assert.IsType<ApiProblem>(error.Problem);
        Assert.Equal(["must not be empty"], problem.Errors!["[0].text"]);
        Assert.Equal(1, problem.ErrorCount);
    }

    [Fact]
    public void RetryDelay_HugeRetryAfter_IsCapped()
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, retryAfterSeconds: 3600);

        Assert.Equal(SiloApi.MaxRetryDelay, SiloApi.RetryDelay(response, attempt: 0));
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, int? retryAfterSeconds = null, string body = """{"title":"x"}""")
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body) };
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return response;
    }

    private sealed class ScriptedHandler(params HttpResponseMessage[] answers) : HttpMessageHandler
    {
        private int _next;

        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(answers[_next++]);
        }
    }
}
