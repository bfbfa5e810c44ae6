using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Grains.Placement;
using Orleans.Sentiment.Grains.Training;

namespace Orleans.Sentiment.ClusterTests.Training;

public sealed class TrainingOptionsTests
{
    [Theory]
    [InlineData("Training:MaxConcurrentJobs", "0")]
    [InlineData("Training:Threads", "-1")]
    [InlineData("Training:MaxDuration", "00:00:01")]
    [InlineData("Training:LeaseDuration", "01:00:00")]
    [InlineData("Training:MaxAttempts", "0")]
    public void Validate_OutOfRange_FailsNamingTheSetting(string key, string value)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Options((key, value)).Value);

        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_OneJobAtATimeOnAFewThreads()
    {
        var options = Options().Value;

        Assert.Equal(1, options.MaxConcurrentJobs);
        Assert.Null(options.Threads);
        Assert.Equal(TimeSpan.FromMinutes(4), options.MaxDuration);
        Assert.Equal(1, options.EffectiveThreads(2));
        Assert.Equal(1, options.EffectiveThreads(1));
        Assert.Equal(8, options.EffectiveThreads(16));
    }

    [Fact]
    public void EffectiveThreads_Set_IsTakenAsIs()
    {
        Assert.Equal(0, Options(("Training:Threads", "0")).Value.EffectiveThreads(16));
        Assert.Equal(3, Options(("Training:Threads", "3")).Value.EffectiveThreads(2));
    }

    [Fact]
    public async Task Start_TrainerRoleWithoutATrainer_FailsNamingTheTrainerImage()
    {
        var service = new TrainerService(
            new ServiceCollection().BuildServiceProvider(), null!, null!, null!,
            Microsoft.Extensions.Options.Options.Create(new SiloRoleOptions { Role = "trainer" }),
            Microsoft.Extensions.Options.Options.Create(new TrainingOptions()), null!, TimeProvider.System, NullLogger<TrainerService>.Instance);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => service.StartAsync(CancellationToken.None));

        Assert.Contains("silo/Dockerfile.trainer", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Orleans:Metadata:role", exception.Message, StringComparison.Ordinal);
    }

    private static IOptions<TrainingOptions> Options(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.Section).ValidateDataAnnotations();
        return services.BuildServiceProvider().GetRequiredService<IOptions<TrainingOptions>>();
    }
}
