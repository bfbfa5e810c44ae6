using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// A tenant's sources (persisted) and its in-flight ledger (in memory: it describes this process's pipeline). The
/// ledger's comments also count towards the silo's bound, so one silo's backlog is bounded whatever the tenants.
/// </summary>
public sealed class TenantGrain(
    [PersistentState("tenant", Constants.StorageName)] IPersistentState<TenantState> state,
    IOptions<IngestionLimitsOptions> options,
    SiloInFlight silo,
    PipelineClock clock) : Grain, ITenantGrain
{
    private readonly IngestionLimitsOptions _limits = options.Value;
    private readonly InFlightLedger _ledger = new(options.Value.InFlightTimeout);

    public async Task<Admission> AdmitAsync(string source, int count)
    {
        var now = clock.UtcNow;
        silo.Release(_ledger.Expire(now));
        if (_ledger.Count > 0 && _ledger.Count + count > _limits.MaxInFlightPerTenant)
        {
            return new Admission(AdmissionStatus.TenantBusy, _ledger.SuggestRetryAfter(count, _limits.MaxInFlightPerTenant, now),
                $"The tenant has {_ledger.Count} comments in flight; the most is {_limits.MaxInFlightPerTenant} (Ingestion:MaxInFlightPerTenant).");
        }

        if (!state.State.Sources.Contains(source))
        {
            if (state.State.Sources.Count >= _limits.MaxSourcesPerTenant)
            {
                return new Admission(AdmissionStatus.TooManySources, TimeSpan.Zero,
                    $"The tenant already has {state.State.Sources.Count} sources, the most allowed (Ingestion:MaxSourcesPerTenant).");
            }

            state.State.Sources.Add(source);
            await state.WriteStateAsync();
        }

        if (!silo.TryReserve(count))
        {
            return new Admission(AdmissionStatus.SiloBusy, TimeSpan.FromSeconds(5),
                $"The silo has {silo.Count} comments in flight; the most is {_limits.MaxInFlightPerSilo} (Ingestion:MaxInFlightPerSilo).");
        }

        _ledger.Admit(count, now);
        return Admission.Accept;
    }

    public Task CompleteAsync(int count)
    {
        silo.Release(_ledger.Complete(count, clock.UtcNow));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> GetSourcesAsync() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Sources.Order(StringComparer.Ordinal).ToArray());

    public Task<int> GetInFlightAsync()
    {
        silo.Release(_ledger.Expire(clock.UtcNow));
        return Task.FromResult(_ledger.Count);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The ledger goes with the activation; its comments stop counting towards this silo's bound.
        silo.Release(_ledger.Count);
        return Task.CompletedTask;
    }
}

[GenerateSerializer, Alias("sentiment.TenantState")]
public sealed class TenantState
{
    [Id(0)]
    public HashSet<string> Sources { get; set; } = new(StringComparer.Ordinal);
}
