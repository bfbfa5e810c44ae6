using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Streams;

namespace Orleans.Sentiment.Hosting.Streams;

/// <summary>Hands out <see cref="GuardedQueueAdapter"/>s around the provider's own adapter.</summary>
internal sealed class GuardedQueueAdapterFactory(IQueueAdapterFactory inner, IIngestionAvailability availability, Serializer serializer, JetStreamPublisher publisher) : IQueueAdapterFactory
{
    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IQueueAdapter> CreateAdapter() => CreateAdapter(CancellationToken.None);

    public async Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken) =>
        new GuardedQueueAdapter(await inner.CreateAdapter(cancellationToken), availability, serializer, publisher);

    public IQueueAdapterCache GetQueueAdapterCache() => inner.GetQueueAdapterCache();

    public IStreamQueueMapper GetStreamQueueMapper() => inner.GetStreamQueueMapper();

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) => inner.GetDeliveryFailureHandler(queueId);

    /// <summary>Replaces the keyed queue-adapter factory that the provider registered under <paramref name="name"/> with a guarded one.</summary>
    public static void Decorate(IServiceCollection services, string name)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(IQueueAdapterFactory) && d.IsKeyedService && Equals(d.ServiceKey, name))
            ?? throw new InvalidOperationException($"No queue adapter factory is registered for stream provider '{name}'.");
        services.Remove(original);
        services.AddKeyedSingleton<IQueueAdapterFactory>(name, (sp, key) =>
            new GuardedQueueAdapterFactory(Create(original, sp, key), sp.GetRequiredService<IIngestionAvailability>(), sp.GetRequiredService<Serializer>(), sp.GetRequiredService<JetStreamPublisher>()));
    }

    private static IQueueAdapterFactory Create(ServiceDescriptor original, IServiceProvider services, object? key) =>
        original.KeyedImplementationFactory is { } factory ? (IQueueAdapterFactory)factory(services, key)
        : original.KeyedImplementationInstance is IQueueAdapterFactory instance ? instance
        : (IQueueAdapterFactory)ActivatorUtilities.CreateInstance(services, original.KeyedImplementationType!);
}
