using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Orleans.Sentiment.Hosting.Streams;

/// <summary>
/// Listens for the NATS stream provider's "Failed to enqueue NATS message" error (event 9 of its connection
/// manager) and marks the current <see cref="PublishAcknowledgement"/> as failed. Only that category reaches it
/// (see <see cref="Register"/>); it writes nothing anywhere.
/// </summary>
internal sealed class PublishFailureLoggerProvider : ILoggerProvider
{
    public const string Category = "Orleans.Streaming.NATS.NatsConnectionManager";
    public const int FailedToEnqueueEventId = 9;

    public ILogger CreateLogger(string categoryName) =>
        categoryName == Category ? FailureListener.Instance : NullListener.Instance;

    public void Dispose()
    {
    }

    /// <summary>Adds the provider with filters that let through only the NATS connection manager's errors.</summary>
    public static void Register(ILoggingBuilder logging)
    {
        logging.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, PublishFailureLoggerProvider>());
        logging.AddFilter<PublishFailureLoggerProvider>(null, LogLevel.None);
        logging.AddFilter<PublishFailureLoggerProvider>(Category, LogLevel.Error);
    }

    private sealed class FailureListener : ILogger
    {
        public static readonly FailureListener Instance = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == FailedToEnqueueEventId)
            {
                PublishAcknowledgement.Current?.MarkFailed(exception);
            }
        }
    }

    private sealed class NullListener : ILogger
    {
        public static readonly NullListener Instance = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
