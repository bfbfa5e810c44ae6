using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Contracts.Training;
using Orleans.Sentiment.Grains.Classification;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Grains.Training;
using Orleans.Sentiment.Hosting;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Orleans.Sentiment.ClusterTests.Training;

/// <summary>
/// A test cluster wired by the production composition root (<c>AddSentiment</c>) whose named silos carry a trainer
/// (<see cref="FakeTraining"/>, as the trainer build registers the real one); every silo has role <c>all</c>, so the
/// others stand for silos built without the trainer. Grain storage is shared by the process (<see cref="SharedGrainStorage"/>),
/// so a killed silo's grains come back with their state, as with Redis.
/// </summary>
public abstract class TrainingClusterFixture(int silos, string trainers, int maxAttempts = 2) : IAsyncLifetime
{
    private const string TrainersKey = "Test:TrainerSilos";
    private static readonly Lazy<string> ModelDirectory = new(() =>
    {
        var directory = Directory.CreateTempSubdirectory("training-cluster-model-").FullName;
        LexiconModelBuilder.Write(directory, ["negative", "positive"], [0f, 0.1f], new Dictionary<string, float[]> { ["broken"] = [50f, 0f] });
        return directory;
    });

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TrainersKey] = trainers,
            ["Training:MaxConcurrentJobs"] = "1",
            ["Training:LeaseDuration"] = "00:00:02",
            ["Training:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>Starts a job for a new version of a model of tenant "acme"; its script drives the fake trainer.</summary>
    public async Task<(ITrainingJobGrain Job, FakeTraining.Script Script)> StartJobAsync(Action<FakeTraining.Script>? prepare = null)
    {
        var version = Guid.NewGuid().ToString("N");
        var script = FakeTraining.For(version);
        prepare?.Invoke(script);
        var job = Cluster.Client.GetGrain<ITrainingJobGrain>($"job-{version}");
        await job.StartAsync(new TrainingJobSpec("acme", "requirements", version, ["bug", "feature"], false, "builtin:minilm", "head", null, null, null, 42));
        return (job, script);
    }

    /// <summary>Waits for the job's status to reach a state; a call that fails while a killed silo drops out of the cluster counts as not yet.</summary>
    public static async Task<TrainingJobStatus> WaitForAsync(ITrainingJobGrain job, Func<TrainingJobStatus, bool> reached, string description) =>
        (await Orleans.Sentiment.Testing.Eventually.WaitForAsync(async () => await TryGetAsync(job), s => s is not null && reached(s), description, TimeSpan.FromSeconds(90)))!;

    private static async Task<TrainingJobStatus?> TryGetAsync(ITrainingJobGrain job)
    {
        try
        {
            return await job.GetAsync();
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            return null;
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton(sp => SiloInference.Loaded(
                new ClassifierSet([OnnxTextClassifier.Load("sentiment", ModelDirectory.Value)]), sp.GetRequiredService<SentimentMetrics>(), new InferenceOptions()));
            silo.AddSentiment();
            silo.Services.AddKeyedSingleton<IGrainStorage>(Constants.StorageName, (sp, _) => ActivatorUtilities.CreateInstance<SharedGrainStorage>(sp));
            silo.Services.AddSingleton<IModelVersions>(FakeTraining.Instance);
            var name = silo.Configuration["Orleans:Name"];
            if ((silo.Configuration[TrainersKey] ?? "").Split(',').Contains(name))
            {
                silo.Services.AddSingleton<IJobTrainer>(FakeTraining.Instance);
            }
        }
    }
}

/// <summary>One silo with a trainer.</summary>
public sealed class OneTrainerFixture() : TrainingClusterFixture(1, "Primary");

/// <summary>One silo without a trainer.</summary>
public sealed class NoTrainerFixture() : TrainingClusterFixture(1, "");

/// <summary>Two silos without a trainer.</summary>
public sealed class NoTrainerPairFixture() : TrainingClusterFixture(2, "");

/// <summary>Three silos, two of them trainers; a job gets two attempts.</summary>
public sealed class TwoTrainersFixture() : TrainingClusterFixture(3, "Secondary_1,Secondary_2");

/// <summary>Three silos, two of them trainers, for a graceful stop.</summary>
public sealed class StoppingTrainerFixture() : TrainingClusterFixture(3, "Secondary_1,Secondary_2");
