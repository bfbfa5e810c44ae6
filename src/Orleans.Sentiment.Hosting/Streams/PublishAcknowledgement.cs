namespace Orleans.Sentiment.Hosting.Streams;

/// <summary>
/// Carries "did this publish fail?" from the NATS provider back to the publishing call. The provider only logs a
/// failed JetStream publish (it does not throw), so <see cref="PublishFailureLoggerProvider"/> marks the scope of
/// the call in whose async flow the failure was logged, and <see cref="GuardedQueueAdapter"/> throws.
/// </summary>
internal sealed class PublishAcknowledgement
{
    private static readonly AsyncLocal<PublishAcknowledgement?> CurrentScope = new();
    private Exception? _failure;
    private bool _failed;

    public static PublishAcknowledgement? Current => CurrentScope.Value;

    public bool Failed => Volatile.Read(ref _failed);

    public Exception? Failure => _failure;

    /// <summary>Starts a scope for one publish; the caller restores the previous scope by disposing the handle.</summary>
    public static Scope Begin()
    {
        var previous = CurrentScope.Value;
        var ack = new PublishAcknowledgement();
        CurrentScope.Value = ack;
        return new Scope(ack, previous);
    }

    public void MarkFailed(Exception? failure)
    {
        _failure ??= failure;
        Volatile.Write(ref _failed, true);
    }

    internal readonly struct Scope(PublishAcknowledgement acknowledgement, PublishAcknowledgement? previous) : IDisposable
    {
        public PublishAcknowledgement Acknowledgement => acknowledgement;

        public void Dispose() => CurrentScope.Value = previous;
    }
}
