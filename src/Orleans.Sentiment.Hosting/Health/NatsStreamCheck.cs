using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Orleans.Sentiment.Hosting.Options;

namespace Orleans.Sentiment.Hosting.Health;

/// <summary>Ready while NATS answers and the JetStream comment stream (Nats:StreamName) exists.</summary>
internal sealed class NatsStreamCheck : IHealthCheck, IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private readonly NatsConnection _connection;
    private readonly NatsJSContext _jetStream;
    private readonly string _streamName;

    public NatsStreamCheck(IOptions<NatsSettings> settings)
    {
        _streamName = settings.Value.StreamName;
        _connection = new NatsConnection(NatsOpts.Default with { Url = settings.Value.Url!, Name = "orleans-sentiment-probe", ConnectTimeout = Timeout });
        _jetStream = new NatsJSContext(_connection);
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var stream = await _jetStream.GetStreamAsync(_streamName, cancellationToken: cancellationToken).AsTask().WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy($"JetStream stream '{_streamName}' holds {stream.Info.State.Messages} message(s).");
        }
        catch (NatsJSApiException e) when (e.Error.Code == 404)
        {
            // The stream provider creates it at start-up unless another stream already owns its subjects: one cluster per NATS account.
            return HealthCheckResult.Unhealthy($"JetStream stream '{_streamName}' (Nats:StreamName) does not exist; if another cluster's stream uses this NATS account, give each cluster its own account or server.");
        }
        catch (Exception e) when (e is NatsException or TimeoutException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"NATS does not answer ({e.GetType().Name}).");
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
