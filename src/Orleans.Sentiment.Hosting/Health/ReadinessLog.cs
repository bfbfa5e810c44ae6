using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Orleans.Sentiment.Hosting.Health;

/// <summary>
/// Logs each readiness check when its result changes, not on every probe: a state that is expected to pass by itself
/// (starting, models loading, stopping; see <see cref="Pending"/>) at Information, a failure (a failed model load,
/// Redis or NATS away) at Error, and the check passing again at Information. The framework's own per-probe lines
/// are filtered out (<see cref="FrameworkCategory"/>), since it logs every unhealthy probe as an error.
/// </summary>
internal sealed partial class ReadinessLog(ILogger<ReadinessLog> logger)
{
    /// <summary>Logger category of the health check service, whose per-probe lines this replaces.</summary>
    public const string FrameworkCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    private const string PendingKey = "pending";
    private static readonly IReadOnlyDictionary<string, object> PendingData = new Dictionary<string, object> { [PendingKey] = true };

    private readonly Dictionary<string, string> _last = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Not ready, for a reason that passes by itself: a 503 like any unhealthy result, logged at Information.</summary>
    public static HealthCheckResult Pending(string description) => HealthCheckResult.Unhealthy(description, data: PendingData);

    public void Observe(HealthReport report)
    {
        foreach (var (name, entry) in report.Entries)
        {
            var pending = entry.Data.ContainsKey(PendingKey);
            // Healthy descriptions may carry live figures (messages in the stream): only the status counts there.
            var state = entry.Status == HealthStatus.Healthy ? "healthy" : $"{entry.Status}|{pending}|{entry.Description}";
            string? previous;
            lock (_lock)
            {
                if (_last.TryGetValue(name, out previous) && previous == state)
                {
                    continue;
                }

                _last[name] = state;
            }

            if (entry.Status == HealthStatus.Healthy)
            {
                if (previous is not null)
                {
                    LogPasses(logger, name, entry.Description ?? "");
                }
            }
            else if (pending)
            {
                LogPending(logger, name, entry.Description ?? "");
            }
            else if (entry.Status == HealthStatus.Degraded)
            {
                LogDegraded(logger, entry.Exception, name, entry.Description ?? "");
            }
            else
            {
                LogFails(logger, entry.Exception, name, entry.Description ?? "");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Readiness check '{Check}' passes: {Description}")]
    private static partial void LogPasses(ILogger logger, string check, string description);

    [LoggerMessage(Level = LogLevel.Information, Message = "Readiness check '{Check}' is not ready yet: {Description}")]
    private static partial void LogPending(ILogger logger, string check, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness check '{Check}' is degraded: {Description}")]
    private static partial void LogDegraded(ILogger logger, Exception? exception, string check, string description);

    [LoggerMessage(Level = LogLevel.Error, Message = "Readiness check '{Check}' fails: {Description}")]
    private static partial void LogFails(ILogger logger, Exception? exception, string check, string description);
}
