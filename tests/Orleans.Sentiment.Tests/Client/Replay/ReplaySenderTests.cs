using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Orleans.Sentiment.Client.Http;
using Orleans.Sentiment.Client.Replay;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Tests.Client.Replay;

/// <summary>Pacing and grouping of a replay, on a fake clock: the delay function only moves the clock forward.</summary>
public sealed class ReplaySenderTests
{
    private static readonly DateTimeOffset T0 = new(2015, 2, 24, 9, 0, 0, TimeSpan.FromHours(-8));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly List<TimeSpan> _waits = [];

    [Fact]
    public async Task SendAsync_Speed60_AnHourOfCommentTimeTakesAMinute()
    {
        var handler = new AcceptingHandler(_time);
        var comments = new[]
        {
            Comment("a", "1", T0), Comment("a", "2", T0),
            Comment("a", "3", T0.AddMinutes(30)), Comment("b", "4", T0.AddMinutes(30)),
            Comment("a", "5", T0.AddHours(2)),
        };

        var accepted = await Sender(handler, ReplayPace.Speed(60), batchSize: 500).SendAsync(comments, (_, _) => { }, CancellationToken.None);

        Assert.Equal(5, accepted);
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(90)], _waits);
        Assert.Equal(
        [
            (0, "a", "1,2"),
            (30, "a", "3"),
            (30, "b", "4"),
            (120, "a", "5"),
        ], handler.Requests.Select(r => (r.Second, r.Source, string.Join(',', r.Comments.Select(c => c.Id)))));
        Assert.Equal(comments.Select(c => c.Timestamp), handler.Requests.SelectMany(r => r.Comments).Select(c => c.Timestamp!.Value));
    }

    [Fact]
    public async Task SendAsync_PostingFallsBehind_WhatBecameDueIsSentTogetherWithoutWaiting()
    {
        // Each request takes 45 s of wall time, longer than the 30 s between comments at this speed.
        var handler = new AcceptingHandler(_time, TimeSpan.FromSeconds(45));
        var comments = Enumerable.Range(0, 4).Select(i => Comment("a", $"{i}", T0.AddMinutes(30 * i))).ToArray();

        await Sender(handler, ReplayPace.Speed(60), batchSize: 500).SendAsync(comments, (_, _) => { }, CancellationToken.None);

        Assert.Equal(["0", "1", "2,3"], handler.Requests.Select(r => string.Join(',', r.Comments.Select(c => c.Id))));
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task SendAsync_AsFastAsPossible_NoWaitsBatchesPerSourceInTimeOrder()
    {
        var handler = new AcceptingHandler(_time);
        var comments = Enumerable.Range(0, 5).Select(i => Comment(i % 2 == 0 ? "a" : "b", $"{i}", T0.AddDays(i))).ToArray();
        var progress = new List<int>();

        var accepted = await Sender(handler, ReplayPace.AsFastAsPossible, batchSize: 2).SendAsync(comments, (sent, _) => progress.Add(sent), CancellationToken.None);

        Assert.Equal(5, accepted);
        Assert.Empty(_waits);
        Assert.Equal(["a:0,2", "a:4", "b:1,3"], handler.Requests.Select(r => $"{r.Source}:{string.Join(',', r.Comments.Select(c => c.Id))}"));
        Assert.Equal([2, 3, 5], progress);
    }

    [Theory]
    [InlineData(60, 3600, 60)]
    [InlineData(1, 90, 90)]
    [InlineData(0.5, 90, 180)]
    public void DueAfter_Speed_CommentTimeDividedBySpeed(double speed, int commentSeconds, int wallSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(wallSeconds), ReplayPace.Speed(speed).DueAfter(T0, T0.AddSeconds(commentSeconds)));

    [Fact]
    public void DueAfter_SlowReplayOfCenturies_SaturatesInsteadOfOverflowing() =>
        Assert.Equal(TimeSpan.MaxValue, ReplayPace.Speed(1e-9).DueAfter(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));

    private ReplaySender Sender(HttpMessageHandler handler, ReplayPace pace, int batchSize) =>
        new(new SiloApi(new Uri("http://silo.test"), null, handler), "acme", batchSize, pace, _time, (wait, _) =>
        {
            _waits.Add(wait);
            _time.Advance(wait);
            return Task.CompletedTask;
        });

    private static ReplayComment Comment(string source, string id, DateTimeOffset at) => new(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) + 2, source, id, $"text {id}", at);

    /// <summary>Answers every batch 202 and records it with the fake clock's second since the test began.</summary>
    private sealed class AcceptingHandler(FakeTimeProvider time, TimeSpan perRequest = default) : HttpMessageHandler
    {
        private readonly DateTimeOffset _start = time.GetUtcNow();

        public List<(int Second, string Source, IncomingComment[] Comments)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var comments = JsonSerializer.Deserialize<IncomingComment[]>(await request.Content!.ReadAsStringAsync(cancellationToken), HttpApiJson.Options)!;
            Requests.Add(((int)(time.GetUtcNow() - _start).TotalSeconds, request.RequestUri!.Segments[^2].TrimEnd('/'), comments));
            time.Advance(perRequest);
            var body = JsonSerializer.Serialize(new IngestResponse(comments.Length, comments.Select(c => c.Id!).ToArray()), HttpApiJson.Options);
            return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }
}
