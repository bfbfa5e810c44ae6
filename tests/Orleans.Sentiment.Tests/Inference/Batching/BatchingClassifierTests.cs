using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Tests.Inference.Batching;

public sealed class BatchingClassifierTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ClassifyAsync_ConcurrentCallers_TextsShareOneModelCall()
    {
        var model = new FakeClassifier();
        model.Hold();
        await using var service = new BatchingClassifier(new ClassifierSet([model]), new InferenceOptions { Workers = 1, Linger = TimeSpan.Zero });
        var first = service.ClassifyAsync(["busy"]);
        Assert.True(await model.Started.WaitAsync(Wait));

        // While the model is busy, three callers queue; the next call takes all of them.
        var calls = new[] { service.ClassifyAsync(["a b", "c d"]), service.ClassifyAsync(["e f"]), service.ClassifyAsync(["g h", "i j"]) };
        model.Open();
        var results = await Task.WhenAll(calls);
        await first;

        Assert.Equal(2, model.Calls.Count);
        Assert.Equal(["a b", "c d", "e f", "g h", "i j"], model.Calls[1].Order(StringComparer.Ordinal));
        Assert.All(results.SelectMany(r => r), r => Assert.True(r.Succeeded));
        Assert.Equal([3, 3], results[0].Select(r => (int)r.Predictions!["fake"].Logits[0]));
    }

    [Fact]
    public async Task ClassifyAsync_QueueShorterThanAFullBatchPerWorker_IdleWorkerTakesAnEqualShare()
    {
        var model = new FakeClassifier();
        model.Hold();
        await using var service = new BatchingClassifier(new ClassifierSet([model]), new InferenceOptions { Workers = 2, Linger = TimeSpan.Zero });
        var first = service.ClassifyAsync(["busy"]);
        Assert.True(await model.Started.WaitAsync(Wait));

        // One worker is busy; the other takes half of the ten queued texts, not all of them, so both finish together.
        var rest = service.ClassifyAsync([.. Enumerable.Range(0, 10).Select(i => $"text {i}")]);
        Assert.True(await model.Started.WaitAsync(Wait));

        Assert.Equal(5, model.Calls[1].Length);
        Assert.Equal(5, service.QueueDepth);
        model.Open();
        Assert.All(await rest, r => Assert.True(r.Succeeded));
        await first;
        Assert.Equal(10, model.Calls.Skip(1).Sum(c => c.Length));
    }

    [Fact]
    public async Task ClassifyAsync_TextThatFailsTheModel_FailsAloneAndItsNeighboursSucceed()
    {
        var model = new FakeClassifier { Poison = "poison" };
        await using var service = new BatchingClassifier(new ClassifierSet([model]), new InferenceOptions { Workers = 1 });

        var results = await service.ClassifyAsync(["good one", "poison", "good three"]);

        Assert.True(results[0].Succeeded);
        Assert.False(results[1].Succeeded);
        Assert.Contains("InvalidOperationException: the model failed", results[1].Failure);
        Assert.DoesNotContain("poison", results[1].Failure);
        Assert.True(results[2].Succeeded);
        Assert.Equal("negative", results[2].Predictions!["fake"].Label);
        Assert.Equal(10, results[2].Predictions!["fake"].Logits[0]);
    }

    [Fact]
    public async Task ClassifyAsync_QueueFull_ThrowsAndQueuesNothingOfTheCall()
    {
        var model = new FakeClassifier();
        model.Hold();
        await using var service = new BatchingClassifier(new ClassifierSet([model]), new InferenceOptions { Workers = 1, MaxBatchTexts = 2, MaxQueuedTexts = 3, Linger = TimeSpan.Zero });
        var running = service.ClassifyAsync(["busy"]);
        Assert.True(await model.Started.WaitAsync(Wait));
        var queued = service.ClassifyAsync(["a", "b"]);

        var error = Assert.Throws<InferenceQueueFullException>(() => { _ = service.ClassifyAsync(["c", "d"]); });

        Assert.Contains("Inference:MaxQueuedTexts", error.Message);
        Assert.Equal(2, service.QueueDepth);
        model.Open();
        await Task.WhenAll(running, queued);
        Assert.DoesNotContain(model.Calls, call => call.Contains("c") || call.Contains("d"));
    }

    [Fact]
    public async Task ClassifyAsync_OneTenantFloods_AnotherTenantsTextIsInTheNextModelCall()
    {
        var model = new FakeClassifier();
        model.Hold();
        await using var service = new BatchingClassifier(new ClassifierSet([model]), new InferenceOptions { Workers = 1, MaxBatchTexts = 8, Linger = TimeSpan.Zero });
        var first = service.ClassifyAsync(["busy"], "noisy");
        Assert.True(await model.Started.WaitAsync(Wait));

        // The flood arrives first, with texts as short as the quiet one: first come, first served would run it 13 calls later.
        var flood = service.ClassifyAsync([.. Enumerable.Range(0, 100).Select(i => $"text {i}")], "noisy");
        var quiet = service.ClassifyAsync(["quiet text"], "quiet");
        model.Open();
        await Task.WhenAll(first, flood, quiet);

        Assert.Contains("quiet text", model.Calls[1]);
    }

    [Fact]
    public async Task ClassifyAsync_TenantFillsItsShareOfTheQueue_OtherTenantsStillQueue()
    {
        var model = new FakeClassifier();
        model.Hold();
        await using var service = new BatchingClassifier(new ClassifierSet([model]), new InferenceOptions { Workers = 1, MaxBatchTexts = 2, MaxQueuedTexts = 8, Linger = TimeSpan.Zero });
        var running = service.ClassifyAsync(["busy"], "noisy");
        Assert.True(await model.Started.WaitAsync(Wait));
        var flood = service.ClassifyAsync([.. Enumerable.Range(0, 6).Select(i => $"t{i}")], "noisy");

        var error = Assert.Throws<InferenceQueueFullException>(() => { _ = service.ClassifyAsync(["one more"], "noisy"); });
        var other = service.ClassifyAsync(["a", "b"], "other");

        Assert.Contains("Inference:MaxQueuedTexts", error.Message);
        Assert.Equal(8, service.QueueDepth);
        model.Open();
        await Task.WhenAll(running, flood, other);
    }

    [Fact]
    public async Task ClassifyAsync_CallTimesOut_ItsQueuedTextsAreNeverRun()
    {
        var model = new FakeClassifier();
        model.Hold();
        // One second, not less: the call after the timeouts must also finish within it, on a busy 2-core machine.
        await using var service = new BatchingClassifier(new ClassifierSet([model]), new InferenceOptions { Workers = 1, Linger = TimeSpan.Zero, CallTimeout = TimeSpan.FromSeconds(1) });
        var running = service.ClassifyAsync(["busy"]);
        Assert.True(await model.Started.WaitAsync(Wait));

        var late = service.ClassifyAsync(["never run"]);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => late);

        Assert.Contains("Inference:CallTimeout", error.Message);
        Assert.Equal(0, service.QueueDepth);
        model.Open();
        await Assert.ThrowsAsync<TimeoutException>(() => running);
        var next = await service.ClassifyAsync(["after"]);
        Assert.True(next[0].Succeeded);
        Assert.DoesNotContain(model.Calls, call => call.Contains("never run"));
    }

    [Fact]
    public async Task ClassifyAsync_CallerCancels_ItsQueuedTextsAreRemoved()
    {
        var model = new FakeClassifier();
        model.Hold();
        await using var service = new BatchingClassifier(new ClassifierSet([model]), new InferenceOptions { Workers = 1, Linger = TimeSpan.Zero });
        var running = service.ClassifyAsync(["busy"]);
        Assert.True(await model.Started.WaitAsync(Wait));
        using var cancellation = new CancellationTokenSource();
        var cancelled = service.ClassifyAsync(["dropped one", "dropped two"], cancellationToken: cancellation.Token);
        Assert.Equal(2, service.QueueDepth);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(0, service.QueueDepth);
        model.Open();
        await running;
        Assert.Single(model.Calls);
    }

    [Fact]
    public async Task ClassifyAsync_TwoModelsSharingATokenizer_EncodeEachTextOnce()
    {
        var first = new FakeClassifier { Name = "first" };
        var second = new FakeClassifier { Name = "second" };
        await using var service = new BatchingClassifier(new ClassifierSet([first, second]), new InferenceOptions { Workers = 1 });

        var results = await service.ClassifyAsync(["one text", "another text here"]);

        Assert.Equal(2, first.EncodeCount);
        Assert.Equal(0, second.EncodeCount);
        Assert.All(results, r => Assert.Equal(["first", "second"], r.Predictions!.Keys.Order()));
        Assert.Equal([4, 5], results.Select(r => (int)r.Predictions!["second"].TokenCount));
    }

    [Fact]
    public async Task BatchCompleted_ReportsTextsRealAndPaddedTokens()
    {
        var model = new FakeClassifier();
        await using var service = new BatchingClassifier(new ClassifierSet([model]), new InferenceOptions { Workers = 1 });
        var stats = new List<InferenceBatchStats>();
        service.BatchCompleted += stats.Add;

        await service.ClassifyAsync(["one", "one two three"]);

        var batch = Assert.Single(stats);
        Assert.Equal(2, batch.Texts);
        Assert.Equal(3 + 5, batch.RealTokens);
        Assert.Equal(2 * 5, batch.PaddedTokens);
        Assert.Equal(2 / 8.0, batch.PaddingRatio, 6);
    }
}
