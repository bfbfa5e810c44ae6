using System.Diagnostics;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Testing;
using Orleans.Sentiment.Training.Data;
using Orleans.Sentiment.Training.Evaluation;
using Orleans.Sentiment.Training.Lora.Tenant;
using Orleans.Sentiment.Training.Tenant;
using Xunit.Abstractions;

namespace Orleans.Sentiment.Training.Lora.Tests.Tenant;

/// <summary>
/// Quality floors on the shared van Vliet requirement-type sentences (5 labels), with default settings: a seeded,
/// stratified fifth of the file (seed 7, as <c>train --holdout 0.2 --seed 7</c>) stands in for unseen sentences; the
/// tenant gives all the rest, or a seeded sample of so many per label, and the served artifact is scored on that fifth.
/// The floors sit below what was measured (docs/training.md): the few-shot one is the issue's target (0.45); the
/// issue's 0.66 with all rows is not reached on this split, so that test keeps what was reached from slipping.
/// </summary>
public sealed class VanVlietQualityTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryDirectory _work = new();

    public void Dispose() => _work.Dispose();

    [SharedDataFact]
    public async Task DefaultSettings_AllExamples_KeepTheMeasuredMacroF1() =>
        await Measure(perLabel: null, target: FullFloor);

    [SharedDataFact]
    public async Task DefaultSettings_SixteenPerLabel_ReachTheFewShotTarget() =>
        await Measure(perLabel: 16, target: FewShotFloor);

    /// <summary>
    /// Measured 0.594 with the refit (0.632 without). Over five training seeds the refit leaves this fifth's mean
    /// unchanged (0.620) and gains 0.037 on the gate's test parts, so one seed's figure moves by a few hundredths.
    /// </summary>
    private const double FullFloor = 0.57;

    /// <summary>The issue's few-shot target; measured 0.487 (the frozen-encoder head scores 0.393).</summary>
    private const double FewShotFloor = 0.45;

    private async Task Measure(int? perLabel, double target)
    {
        var data = TrainingSetReader.Read(Path.Combine(TestPaths.SharedData!, "appreviews", "vanvliet_p3_requirement_type_train.csv"), "text", "label").Examples;
        var (pool, unseen) = StratifiedSplitter.Split(data, 0.2, seed: 7);
        var labels = pool.Select(e => e.Labels[0]).Distinct().Order(StringComparer.Ordinal).ToArray();
        var given = perLabel is { } n ? Sample(pool, n, seed: 42) : pool;
        var baseFolder = MiniLmModel.EnsureExtracted(Path.Combine(_work.Path, "cache"));
        var clock = Stopwatch.StartNew();

        var result = await new TenantTrainer().TrainAsync(new TenantTrainingRequest
        {
            Labels = labels,
            Examples = [.. given.Select(e => new TenantExample(e.Text, e.Labels))],
            BaseModelFolder = baseFolder,
            // Everything else default; the time budget is widened so a busy machine (test runs share the cores)
            // cannot cut the run short and turn a quality check into a speed check.
            MaxDuration = TimeSpan.FromMinutes(20),
        }, new Progress<TenantTrainingProgress>(), CancellationToken.None);

        var folder = Path.Combine(_work.Path, "served");
        ArtifactModelFolder.Write(result.Artifact, baseFolder, folder);
        using var classifier = OnnxTextClassifier.Load("tenant", folder);
        var report = ModelEvaluator.Evaluate(classifier, unseen, multiLabel: false).Report;
        output.WriteLine($"{given.Count} examples given: {result.Method}, {result.Steps} steps (refit: {result.Options.GetValueOrDefault("refit")}, {result.Options.GetValueOrDefault("refit_steps")} steps), {clock.Elapsed.TotalSeconds:0} s; held-out part {result.HeldOut.MacroF1:0.000}; unseen sentences {report.MacroF1:0.000}");
        Assert.True(report.MacroF1 >= target, $"macro-F1 {report.MacroF1:0.000} on the unseen fifth is below {target}");
    }

    private static List<LabeledExample> Sample(IReadOnlyList<LabeledExample> pool, int perLabel, int seed)
    {
        var random = new Random(seed);
        return [.. pool.GroupBy(e => e.Labels[0], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(g =>
        {
            var group = g.ToArray();
            random.Shuffle(group);
            return group.Take(perLabel);
        })];
    }
}
