using System.Net;
using System.Net.Http.Json;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>
/// SIGTERM with accepted comments still queued: readiness turns false, new ingestion gets 503, and every accepted
/// comment is classified before the process exits. A synthetic transformer with long inputs keeps the queue busy for
/// seconds, so the stop really lands mid-backlog.
/// </summary>
public sealed class GracefulDrainTests
{
    private const int Comments = 120;

    [Fact]
    public async Task Sigterm_WithBacklog_DrainsEveryAcceptedCommentThenExits()
    {
        var model = Directory.CreateTempSubdirectory("drain-model-").FullName;
        try
        {
            var shape = new TransformerShape(TransformerFamily.Bert, 4, 384, 6, 1536, 512, 2048, 2, 1e-12, 0);
            SyntheticModelWriter.Write(model, new SyntheticModelRequest(shape, ["negative", "positive"]));
            await using var silo = await SiloProcess.StartAsync(new Dictionary<string, string>
            {
                ["Models:0:Name"] = "sentiment",
                ["Models:0:Path"] = model,
                ["Host:ShutdownTimeout"] = "00:03:00",
                ["Sentiment:ClassifierBatchSize"] = "4",
            });
            using var http = new HttpClient { BaseAddress = silo.BaseUrl };
            // Long English text (600 words), so every comment costs the model a while; English, so the model reads it.
            var text = string.Join(' ', Enumerable.Range(0, 120).Select(i => $"the checkout failed again {i}"));
            foreach (var batch in Enumerable.Range(0, Comments).Chunk(20))
            {
                var response = await http.PostAsJsonAsync("/v1/tenants/drain/sources/app/comments", batch.Select(i => new { id = $"d{i}", text }).ToArray());
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }

            // The first model call done: a source counts its comments only when its whole delivery is classified,
            // and one delivery may hold every request above.
            var underWay = await Eventually.WaitForAsync(() => ScrapeAsync(http), m => MetricsScrape.Sum(m, "orleans_sentiment_classification_duration_seconds_count") > 0, "classification to be under way", TimeSpan.FromMinutes(3));
            silo.RequestStop();
            Assert.True(MetricsScrape.Sum(underWay, "orleans_sentiment_inflight_comments") > 0, "The backlog was gone before SIGTERM: the test model is too fast for this machine.");

            var notReady = await Eventually.WaitForAsync(() => StatusAsync(http, "/health/ready"), s => s == HttpStatusCode.ServiceUnavailable, "readiness to turn false", TimeSpan.FromMinutes(3));
            var refused = await http.PostAsJsonAsync("/v1/tenants/drain/sources/app/comments", new[] { new { id = "late", text = "late" } });
            var exitCode = await silo.WaitForExitAsync(TimeSpan.FromMinutes(4));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(0, exitCode);
            Assert.Matches(@"Drained: \d+ comments classified or dead-lettered before shutdown", silo.Output);
            Assert.DoesNotContain("Shutdown timeout reached", silo.Output);
        }
        finally
        {
            Directory.Delete(model, recursive: true);
        }
    }

    [Fact]
    public async Task Sigterm_UnderLoadPastCapacity_DrainsWithinTheDefaultShutdownTimeout()
    {
        var model = Directory.CreateTempSubdirectory("drain-load-model-").FullName;
        try
        {
            var shape = new TransformerShape(TransformerFamily.Bert, 2, 256, 4, 1024, 512, 2048, 2, 1e-12, 0);
            SyntheticModelWriter.Write(model, new SyntheticModelRequest(shape, ["negative", "positive"]));
            await using var silo = await SiloProcess.StartAsync(new Dictionary<string, string>
            {
                ["Models:0:Name"] = "sentiment",
                ["Models:0:Path"] = model,
            });
            using var http = new HttpClient { BaseAddress = silo.BaseUrl };
            // English, so the slow model reads every comment rather than leaving it unlabelled.
            var text = string.Join(' ', Enumerable.Range(0, 12).Select(i => $"the checkout failed again {i}"));
            var statuses = new System.Collections.Concurrent.ConcurrentDictionary<HttpStatusCode, int>();
            var admissionRefusals = 0;
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, 4).Select(client => Task.Run(async () =>
            {
                for (var batch = 0; !stop.IsCancellationRequested; batch++)
                {
                    try
                    {
                        using var response = await http.PostAsJsonAsync($"/v1/tenants/load/sources/s{client}/comments", Enumerable.Range(0, 20).Select(i => new { id = $"{client}-{batch}-{i}", text }).ToArray());
                        statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                        if (response.StatusCode == HttpStatusCode.TooManyRequests && (await response.Content.ReadAsStringAsync()).Contains("comments in flight", StringComparison.Ordinal))
                        {
                            Interlocked.Increment(ref admissionRefusals);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            })).ToArray();

            // Past capacity: the tenant has been refused for having its share in flight, and the silo has measured its rate.
            await Eventually.WaitForAsync(() => Task.FromResult(Volatile.Read(ref admissionRefusals)), n => n >= 20, "the admission bound to refuse batches", TimeSpan.FromMinutes(3));
            // Stop while a backlog is known to be there: on a loaded machine the clients can stall long enough for the silo to empty it.
            await Eventually.WaitForAsync(() => ScrapeAsync(http), m => MetricsScrape.Sum(m, "orleans_sentiment_inflight_comments") >= 100, "a backlog of 100 comments in flight", TimeSpan.FromMinutes(1));
            silo.RequestStop();
            var exitCode = await silo.WaitForExitAsync(TimeSpan.FromMinutes(2));
            await stop.CancelAsync();
            await Task.WhenAll(clients);

            Assert.Equal(0, exitCode);
            Assert.True(statuses.GetValueOrDefault(HttpStatusCode.Accepted) > 0);
            Assert.Matches(@"Drained: \d+ comments classified or dead-lettered before shutdown", silo.Output);
            Assert.DoesNotContain("Shutdown timeout reached", silo.Output);
        }
        finally
        {
            Directory.Delete(model, recursive: true);
        }
    }

    private static async Task<string> ScrapeAsync(HttpClient http) => await http.GetStringAsync("/metrics");

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }
}
