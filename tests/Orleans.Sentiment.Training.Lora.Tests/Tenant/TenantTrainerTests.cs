using System.Globalization;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Training.Evaluation;
using Orleans.Sentiment.Training.Head;
using Orleans.Sentiment.Training.Lora.Tenant;
using Orleans.Sentiment.Training.Tenant;

namespace Orleans.Sentiment.Training.Lora.Tests.Tenant;

/// <summary>The tenant trainer end to end on a tiny BERT folder and words that separate two labels.</summary>
public sealed class TenantTrainerTests : IDisposable
{
    private static readonly LoraOptions Fast = new() { BatchSize = 8, LearningRate = 1e-2, MaxLength = 16, MinSteps = 60, MaxSteps = 60, Patience = 20 };
    private static readonly HeadOptions FastHead = new() { LearningRate = 1e-2f, MaxLength = 16 };
    private readonly TemporaryDirectory _work = new();
    private readonly string _base;

    public TenantTrainerTests() => _base = TinyModels.WriteBertFolder(Path.Combine(_work.Path, "base"));

    public void Dispose() => _work.Dispose();

    [Theory]
    [InlineData("lora", HeadPooling.Mean)]
    [InlineData("lora", HeadPooling.Cls)]
    [InlineData("head", HeadPooling.Mean)]
    public async Task TrainAsync_SeparableLabels_LearnsThemAndTheArtifactScoresTheSameAsTheTrainer(string method, HeadPooling pooling)
    {
        var request = SeparableRequest() with { Method = method };

        var result = await new TenantTrainer(Fast with { Pooling = pooling }, FastHead).TrainAsync(request, new Progress<TenantTrainingProgress>(), CancellationToken.None);

        Assert.True(result.HeldOut.MacroF1 >= 0.9, $"held-out macro-F1 {result.HeldOut.MacroF1:0.000}");
        var test = TenantDataSplit.Create(request).Test;
        Assert.Equal(test.Count, result.TestExamples);
        var folder = Path.Combine(_work.Path, "served");
        ArtifactModelFolder.Write(result.Artifact, _base, folder);
        using var classifier = OnnxTextClassifier.Load("tenant", folder);
        var served = ModelEvaluator.Evaluate(classifier, test, multiLabel: false).Report;
        Assert.Equal(request.Labels, classifier.Labels);
        Assert.Equal(result.HeldOut.MacroF1, served.MacroF1, 9);
        Assert.Equal(result.HeldOut.LabelF1, served.PerLabel.ToDictionary(p => p.Key, p => p.Value.F1));
    }

    [Fact]
    public async Task TrainAsync_SameSeed_SameArtifactBytes_OtherSeedOtherBytes()
    {
        var trainer = new TenantTrainer(Fast);
        var request = SeparableRequest();

        var first = await trainer.TrainAsync(request, new Progress<TenantTrainingProgress>(), CancellationToken.None);
        var again = await trainer.TrainAsync(request, new Progress<TenantTrainingProgress>(), CancellationToken.None);
        var other = await trainer.TrainAsync(request with { Seed = 8 }, new Progress<TenantTrainingProgress>(), CancellationToken.None);

        Assert.Equal(first.Artifact.Files.Keys.Order(), again.Artifact.Files.Keys.Order());
        foreach (var (name, bytes) in first.Artifact.Files)
        {
            Assert.Equal(bytes, again.Artifact.Files[name]);
        }

        Assert.NotEqual(first.Artifact.Files[PeftAdapterWriter.WeightsFileName], other.Artifact.Files[PeftAdapterWriter.WeightsFileName]);
    }

    [Fact]
    public async Task TrainAsync_ReportsPhasesAndEveryStepInOrder()
    {
        var reports = new List<TenantTrainingProgress>();

        var result = await new TenantTrainer(Fast).TrainAsync(SeparableRequest(), new Recorder(reports.Add), CancellationToken.None);

        Assert.Equal(["prepare", "train", "refit", "evaluate", "done"], reports.Select(r => r.Phase).Distinct());
        var steps = reports.Where(r => r.Phase == "train").ToList();
        Assert.Equal(Enumerable.Range(1, result.Steps), steps.Select(s => s.Step));
        Assert.All(steps, s => Assert.Equal(60, s.TotalSteps));
        Assert.Contains(steps, s => s.ValidationMacroF1 is not null);
        Assert.Equal(result.HeldOut.MacroF1, reports[^1].ValidationMacroF1);
    }

    [Fact]
    public async Task TrainAsync_RefitsOnTrainingAndValidationForTheEpochsValidationChose()
    {
        var reports = new List<TenantTrainingProgress>();
        // Three epochs: the refit plans three epochs of its larger data, so its length is not cut by its plan.
        var request = SeparableRequest() with { Epochs = 3 };

        var result = await new TenantTrainer(Fast).TrainAsync(request, new Recorder(reports.Add), CancellationToken.None);

        var split = TenantDataSplit.Create(request);
        var refitPlan = StepPlan.For(split.Train.Count + split.Validation.Count, Fast with { Epochs = 3 });
        var bestStep = int.Parse(result.Options["best_step"], CultureInfo.InvariantCulture);
        // As many passes over the data as the selected checkpoint had made, within the refit's own plan.
        var expected = Math.Min(refitPlan.TotalSteps, (int)Math.Round(bestStep * (double)(split.Train.Count + split.Validation.Count) / split.Train.Count));
        Assert.Equal("train+validation", result.Options["refit"]);
        Assert.True(expected > bestStep, $"the refit runs {expected} steps after a best step of {bestStep}");
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), result.Options["refit_steps"]);
        Assert.Equal(Enumerable.Range(1, expected), reports.Where(r => r.Phase == "refit").Select(r => r.Step));
        Assert.Equal(split.Train.Count + split.Validation.Count, result.TrainExamples);
    }

    [Fact]
    public async Task TrainAsync_FewShot_ServesTheChosenCheckpointWithoutARefit()
    {
        var reports = new List<TenantTrainingProgress>();
        var request = SeparableRequest();
        request = request with { Examples = [.. request.Examples.Take(80)] };

        var result = await new TenantTrainer(Fast).TrainAsync(request, new Recorder(reports.Add), CancellationToken.None);

        Assert.True(TenantDataSplit.Create(request).Train.Count < LoraOptions.FewShotExamples);
        Assert.Equal("none: few-shot", result.Options["refit"]);
        Assert.DoesNotContain(reports, r => r.Phase == "refit");
        Assert.Equal(TenantDataSplit.Create(request).Train.Count, result.TrainExamples);
    }

    [Fact]
    public async Task TrainAsync_CancelledDuringTraining_StopsBetweenSteps()
    {
        using var cancellation = new CancellationTokenSource();
        var steps = new List<int>();
        var progress = new Recorder(p =>
        {
            if (p.Phase == "train")
            {
                steps.Add(p.Step);
                if (p.Step == 3)
                {
                    cancellation.Cancel();
                }
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new TenantTrainer(Fast with { MinSteps = 10_000, MaxSteps = 10_000 }).TrainAsync(SeparableRequest(), progress, cancellation.Token));

        // Progress reaches the caller through a relay, so the trainer may have run a few more steps before it saw the token.
        Assert.InRange(steps.Max(), 3, 100);
    }

    [Fact]
    public async Task TrainAsync_AlreadyCancelled_TrainsNoStep()
    {
        var steps = new List<int>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new TenantTrainer(Fast).TrainAsync(SeparableRequest(), new Recorder(p => steps.Add(p.Step)), new CancellationToken(canceled: true)));

        Assert.All(steps, s => Assert.Equal(0, s));
    }

    [Fact]
    public async Task TrainAsync_TimeBudgetSpent_StopsEarlyAndSaysSo()
    {
        var request = SeparableRequest() with { MaxDuration = TimeSpan.FromMilliseconds(1) };

        var result = await new TenantTrainer(Fast with { MinSteps = 10_000, MaxSteps = 10_000 }).TrainAsync(request, new Progress<TenantTrainingProgress>(), CancellationToken.None);

        Assert.True(result.Steps < 10, $"{result.Steps} steps");
        Assert.Equal("time", result.Options["stopped_by"]);
        Assert.Equal("skipped: time budget", result.Options["refit"]);
        Assert.Contains(PeftAdapterWriter.WeightsFileName, result.Artifact.Files.Keys);
    }

    [Fact]
    public async Task TrainAsync_WithCorrections_ScoresTheHeldOutOnesSeparately()
    {
        var request = SeparableRequest();
        request = request with { Corrections = [.. request.Examples.Take(8).Select(e => e with { Text = "so " + e.Text })] };

        var result = await new TenantTrainer(Fast).TrainAsync(request, new Progress<TenantTrainingProgress>(), CancellationToken.None);

        Assert.NotNull(result.Corrections);
        Assert.Equal(TenantDataSplit.Create(request).HeldOutCorrections.Count, result.Corrections.Examples);
        Assert.Equal(2, result.Corrections.Examples);
        var split = TenantDataSplit.Create(request);
        Assert.Equal(split.Train.Count + split.Validation.Count, result.TrainExamples);
    }

    [Fact]
    public async Task TrainAsync_TooFewExamples_FailsWithTheDataException()
    {
        var request = SeparableRequest();
        request = request with { Examples = [.. request.Examples.Where(e => e.Labels[0] != "negative"), .. request.Examples.Where(e => e.Labels[0] == "negative").Take(3)] };

        var error = await Assert.ThrowsAsync<TenantTrainingDataException>(() => new TenantTrainer(Fast).TrainAsync(request, new Progress<TenantTrainingProgress>(), CancellationToken.None));

        Assert.Contains("'negative' has 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainAsync_TrainsOnLowerPriorityThreads_AndReportsFromNormalOnes()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var callerNice = ThreadNice.OfCurrentThread();
        var snapshots = new List<List<(string Name, int Nice)>>();
        var reporterNice = new List<int>();
        var progress = new Recorder(p =>
        {
            reporterNice.Add(ThreadNice.OfCurrentThread());
            if (p.Phase == "train" && p.Step % 10 == 0)
            {
                snapshots.Add(ThreadNice.OfProcess());
            }
        });

        await new TenantTrainer(Fast).TrainAsync(SeparableRequest(), progress, CancellationToken.None);

        Assert.True(callerNice < LowPriorityThread.Nice, $"the test runs at nice {callerNice}");
        Assert.All(reporterNice, nice => Assert.Equal(callerNice, nice));
        var training = snapshots.SelectMany(s => s).Where(t => t.Name == "tenant-training").ToList();
        Assert.NotEmpty(training);
        Assert.All(training, t => Assert.Equal(LowPriorityThread.Nice, t.Nice));
        var others = snapshots.SelectMany(s => s).Where(t => t.Name != "tenant-training").ToList();
        Assert.All(others, t => Assert.True(t.Nice < LowPriorityThread.Nice, $"{t.Name} runs at nice {t.Nice}"));
    }

    /// <summary>80 texts per label, each with four of its label's words and one filler word.</summary>
    private TenantTrainingRequest SeparableRequest()
    {
        string[] positive = ["good", "great", "love", "excellent", "nice", "fun", "best", "like"];
        string[] negative = ["bad", "awful", "hate", "terrible", "worst", "boring", "slow", "never"];
        string[] filler = ["the", "app", "movie", "service", "flight", "story", "it", "was", "very", "so"];
        var random = new Random(1);
        var examples = Enumerable.Range(0, 160).Select(i =>
        {
            var polar = i % 2 == 0 ? positive : negative;
            var words = Enumerable.Range(0, 5).Select(w => w == 2 ? filler[random.Next(filler.Length)] : polar[random.Next(polar.Length)]);
            return new TenantExample(string.Join(' ', words), [i % 2 == 0 ? "positive" : "negative"]);
        });
        return new TenantTrainingRequest { Labels = ["positive", "negative"], Examples = [.. examples], BaseModelFolder = _base, Seed = 3 };
    }

    /// <summary>Reports on the training thread, as it happens.</summary>
    private sealed class Recorder(Action<TenantTrainingProgress> report) : IProgress<TenantTrainingProgress>
    {
        public void Report(TenantTrainingProgress value) => report(value);
    }
}
