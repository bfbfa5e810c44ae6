using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Orleans.Sentiment.Hosting.Options;

namespace Orleans.Sentiment.Hosting.Streams;

/// <summary>
/// Publishes stream messages to JetStream on its own NATS connection and returns only once JetStream acknowledged
/// storing each one in the comment stream (<c>Nats:StreamName</c>); anything else, a refusal in the PubAck, no PubAck
/// within <see cref="Timeout"/> (NATS away) or a PubAck from another stream, throws <see cref="StreamPublishException"/>.
/// </summary>
internal sealed partial class JetStreamPublisher : IAsyncDisposable
{
    /// <summary>Longest a publish waits for its PubAck, connection included; the client gets a 503 and retries with the same ids.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly NatsConnection _connection;
    private readonly NatsJSContext _jetStream;
    private readonly string _streamName;
    private readonly ILogger<JetStreamPublisher> _logger;

    public JetStreamPublisher(NatsSettings settings, ILogger<JetStreamPublisher> logger)
    {
        _streamName = settings.StreamName;
        _logger = logger;
        _connection = new NatsConnection(NatsOpts.Default with
        {
            Url = settings.Url!,
            Name = "orleans-sentiment-publisher",
            ConnectTimeout = Timeout,
            RequestTimeout = Timeout,
            CommandTimeout = Timeout,
            // Without it a publish while disconnected waits for the reconnect, however long NATS is away.
            PublishTimeoutOnDisconnected = true,
        });
        _jetStream = new NatsJSContext(_connection);
    }

    public async Task PublishAsync(NatsWireMessage message)
    {
        try
        {
            using var deadline = new CancellationTokenSource(Timeout);
            var ack = await _jetStream.PublishAsync(message.Subject, message.Data, NatsRawSerializer<byte[]>.Default, cancellationToken: deadline.Token);
            ack.EnsureSuccess();
            if (ack.Stream != _streamName)
            {
                throw new StreamPublishException($"JetStream stored the batch in stream '{ack.Stream}', not in Nats:StreamName '{_streamName}', whose consumers would never read it");
            }
        }
        catch (StreamPublishException e)
        {
            LogRefused(_logger, _streamName, e.Message);
            throw;
        }
        catch (Exception e)
        {
            var reason = Describe(e);
            LogRefused(_logger, _streamName, reason);
            throw new StreamPublishException($"JetStream did not acknowledge the batch: {reason}", e);
        }
    }

    private static string Describe(Exception e) => e switch
    {
        OperationCanceledException or TimeoutException or NatsJSPublishNoResponseException => $"no acknowledgement within {Timeout.TotalSeconds:0} s (is NATS reachable?)",
        NatsNoRespondersException => "no JetStream stream takes the comment subjects",
        NatsJSApiException api => $"{api.Error.Description} (JetStream error {api.Error.ErrCode})",
        NatsException => $"no connection to NATS ({e.GetType().Name})",
        _ => e.GetType().Name,
    };

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A comment batch was not stored in JetStream stream {Stream} and is answered 503: {Reason}")]
    private static partial void LogRefused(ILogger logger, string stream, string reason);
}
