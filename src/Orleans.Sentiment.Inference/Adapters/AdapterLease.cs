namespace Orleans.Sentiment.Inference.Adapters;

/// <summary>The slots a batch runs with; disposing it unpins them.</summary>
public sealed class AdapterLease : IDisposable
{
    private readonly AdapterBank _bank;
    private readonly Dictionary<string, int> _slots;
    private List<AdapterBank.Entry>? _pinned;

    internal AdapterLease(AdapterBank bank, Dictionary<string, int> slots, List<AdapterBank.Entry> pinned)
    {
        _bank = bank;
        _slots = slots;
        _pinned = pinned;
    }

    /// <summary>The slot of an adapter the lease was acquired for.</summary>
    public int SlotOf(TenantAdapter adapter) => _slots[adapter.Key];

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _pinned, null) is { } pinned)
        {
            _bank.Release(pinned);
        }
    }
}
