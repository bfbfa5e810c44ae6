using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Orleans.Sentiment.Hosting.Health;

namespace Orleans.Sentiment.Tests.Hosting;

public sealed class ReadinessLogTests
{
    private readonly RecordingLogger _logger = new();

    [Fact]
    public void Observe_ModelsLoadingOnEveryProbeThenLoaded_LogsTwoInformationLines()
    {
        var log = new ReadinessLog(_logger);

        for (var probe = 0; probe < 5; probe++)
        {
            log.Observe(Report(("models", ReadinessLog.Pending("Models are loading."))));
        }

        log.Observe(Report(("models", HealthCheckResult.Healthy("Models loaded."))));
        log.Observe(Report(("models", HealthCheckResult.Healthy("Models loaded."))));

        Assert.Equal(
            [(LogLevel.Information, "Readiness check 'models' is not ready yet: Models are loading."), (LogLevel.Information, "Readiness check 'models' passes: Models loaded.")],
            _logger.Lines);
    }

    [Fact]
    public void Observe_RedisDownOnEveryProbe_LogsOneErrorThenTheRecovery()
    {
        var log = new ReadinessLog(_logger);
        log.Observe(Report(("redis", HealthCheckResult.Healthy("Redis answers."))));

        log.Observe(Report(("redis", HealthCheckResult.Unhealthy("Grain storage (Redis) is unreachable."))));
        log.Observe(Report(("redis", HealthCheckResult.Unhealthy("Grain storage (Redis) is unreachable."))));
        log.Observe(Report(("redis", HealthCheckResult.Healthy("Redis answers."))));

        Assert.Equal(
            [(LogLevel.Error, "Readiness check 'redis' fails: Grain storage (Redis) is unreachable."), (LogLevel.Information, "Readiness check 'redis' passes: Redis answers.")],
            _logger.Lines);
    }

    [Fact]
    public void Observe_LoadingTurnsIntoAFailedLoad_LogsTheFailureAsError()
    {
        var log = new ReadinessLog(_logger);

        log.Observe(Report(("models", ReadinessLog.Pending("Models are loading."))));
        log.Observe(Report(("models", HealthCheckResult.Unhealthy("Loading the models failed: Models:0:Path 'x' is not an existing folder."))));

        Assert.Equal(LogLevel.Error, _logger.Lines[^1].Level);
        Assert.Contains("Loading the models failed", _logger.Lines[^1].Message);
    }

    private static HealthReport Report(params (string Name, HealthCheckResult Result)[] checks) =>
        new(checks.ToDictionary(c => c.Name, c => new HealthReportEntry(c.Result.Status, c.Result.Description, TimeSpan.Zero, c.Result.Exception, c.Result.Data)), TimeSpan.Zero);

    private sealed class RecordingLogger : ILogger<ReadinessLog>
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
