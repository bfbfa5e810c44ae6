using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// Admits a tenant's comments: its sources (persisted) and its in-flight ledger (in memory: it describes this process's
/// pipeline). Admission is decided with the silo (<see cref="SiloInFlight"/>, <see cref="AdmissionPolicy"/>): the
/// tenant's share of what the silo can classify in time. While comments are in flight the activation stays, so the
/// ledger is not lost to idle collection. Its grain type, "tenant", keys the stored sources: it stays as it is whatever
/// the class is called.
/// </summary>
[GrainType("tenant")]
public sealed class TenantAdmissionGrain(
    [PersistentState("tenant", Constants.StorageName)] IPersistentState<TenantAdmissionState> state,
    IOptions<IngestionOptions> options,
    SiloInFlight silo,
    PipelineClock clock) : Grain, ITenantAdmissionGrain
{
    private readonly IngestionOptions _limits = options.Value;
    private readonly InFlightLedger _ledger = new(options.Value.InFlightTimeout);

    private string Tenant => this.GetPrimaryKeyString();

    public async Task<Admission> AdmitAsync(string source, IReadOnlyList<string> ids)
    {
        var now = clock.UtcNow;
        Expire(now);
        var count = _ledger.CountNew(source, ids);
        if (count == 0)
        {
            // Every comment is already in flight (a re-sent batch): nothing more to hold room for.
            return Admission.Accept;
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

        var admission = silo.TryAdmit(Tenant, _ledger.Count, count);
        if (admission.Admitted)
        {
            _ledger.Admit(source, ids, now);
            DelayDeactivation(_limits.InFlightTimeout);
        }

        return admission;
    }

    public Task CompleteAsync(string source, IReadOnlyList<string> ids, bool completed)
    {
        silo.Release(Tenant, _ledger.Complete(source, ids), completed);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> GetSourcesAsync() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Sources.Order(StringComparer.Ordinal).ToArray());

    public Task<int> GetInFlightAsync()
    {
        Expire(clock.UtcNow);
        return Task.FromResult(_ledger.Count);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The ledger goes with the activation; its comments stop counting towards this silo's bound.
        silo.Release(Tenant, _ledger.Count, completed: false);
        return Task.CompletedTask;
    }

    private void Expire(DateTimeOffset now) => silo.Release(Tenant, _ledger.Expire(now), completed: false);
}

/// <summary>A tenant's sources. The alias is what storage holds: it stays as it is whatever the class is called.</summary>
[GenerateSerializer, Alias("sentiment.TenantState")]
public sealed class TenantAdmissionState
{
    [Id(0)]
    public HashSet<string> Sources { get; set; } = new(StringComparer.Ordinal);
}
