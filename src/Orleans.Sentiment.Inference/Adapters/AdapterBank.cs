using Microsoft.ML.OnnxRuntime;

namespace Orleans.Sentiment.Inference.Adapters;

/// <summary>
/// The LoRA slots of one shared encoder: per adapted module one C#-owned [slots, in, rank] and [slots, rank, out] array,
/// handed to ONNX Runtime once without a copy, so a model call gathers each row's matrices by slot. Slot 0 stays zero
/// (the base encoder). Adapters are written into free slots on first use; when none is free the least recently used
/// slot that no running batch has pinned is evicted. Writing one slot while other calls read other slots is safe.
/// Thread-safe.
/// </summary>
public sealed class AdapterBank : IDisposable
{
    private readonly object _gate = new();
    private readonly (string Module, int In, int Out, float[] A, float[] B)[] _modules;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Entry?[] _slots;
    private readonly List<OrtValue> _values = [];
    private long _clock;

    /// <param name="modules">The adapted modules with their input and output widths.</param>
    /// <param name="rank">The bank's LoRA rank.</param>
    /// <param name="capacity">Adapters held at once (slots besides slot 0).</param>
    public AdapterBank(IReadOnlyDictionary<string, (int In, int Out)> modules, int rank, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        Rank = rank;
        Capacity = capacity;
        Modules = modules;
        var slots = capacity + 1;
        _slots = new Entry?[slots];
        _modules = [.. modules.Select(m => (m.Key, m.Value.In, m.Value.Out, new float[slots * m.Value.In * rank], new float[slots * rank * m.Value.Out]))];
        foreach (var (module, inputs, outputs, a, b) in _modules)
        {
            _values.Add(OrtValue.CreateTensorValueFromMemory(a, [slots, inputs, rank]));
            _values.Add(OrtValue.CreateTensorValueFromMemory(b, [slots, rank, outputs]));
        }

        InputNames = [.. _modules.SelectMany(m => new[] { AdapterGraphNames.A(m.Module), AdapterGraphNames.B(m.Module) })];
    }

    /// <summary>Observes a slot hit (true) or a load into a slot (false).</summary>
    public event Action<bool>? Used;

    /// <summary>Observes an adapter evicted to make room.</summary>
    public event Action? Evicted;

    public int Rank { get; }

    public int Capacity { get; }

    public IReadOnlyDictionary<string, (int In, int Out)> Modules { get; }

    /// <summary>The bank's graph inputs, in the order of <see cref="Values"/>.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>The bank's tensors (the arrays themselves, not copies).</summary>
    public IReadOnlyList<OrtValue> Values => _values;

    /// <summary>Bytes one slot takes in the bank: what each extra loaded adapter costs besides its head.</summary>
    public long BytesPerSlot => _modules.Sum(m => (long)(m.In + m.Out) * Rank) * sizeof(float);

    /// <summary>Adapters held in slots now.</summary>
    public int Loaded
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The adapter held under <paramref name="key"/>, or null; does not count as a use.</summary>
    public TenantAdapter? Find(string key)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(key, out var entry) ? entry.Adapter : null;
        }
    }

    /// <summary>
    /// Slots for <paramref name="adapters"/> (one per distinct version; 0 for head-only ones), pinned until the lease is
    /// disposed. Throws <see cref="InvalidOperationException"/> when the batch needs more slots than are free of pins.
    /// </summary>
    public AdapterLease Acquire(IReadOnlyCollection<TenantAdapter> adapters)
    {
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        var pinned = new List<Entry>();
        var hits = 0;
        var loads = 0;
        var evictions = 0;
        lock (_gate)
        {
            try
            {
                foreach (var adapter in adapters)
                {
                    if (!adapter.HasLora || slots.ContainsKey(adapter.Key))
                    {
                        slots.TryAdd(adapter.Key, 0);
                        continue;
                    }

                    if (_entries.TryGetValue(adapter.Key, out var entry))
                    {
                        hits++;
                    }
                    else
                    {
                        entry = Load(adapter, ref evictions);
                        loads++;
                    }

                    entry.Pins++;
                    entry.LastUse = ++_clock;
                    pinned.Add(entry);
                    slots[adapter.Key] = entry.Slot;
                }
            }
            catch
            {
                pinned.ForEach(e => e.Pins--);
                throw;
            }
        }

        Report(hits, loads, evictions);
        return new AdapterLease(this, slots, pinned);
    }

    public void Dispose()
    {
        foreach (var value in _values)
        {
            value.Dispose();
        }
    }

    internal void Release(List<Entry> pinned)
    {
        lock (_gate)
        {
            pinned.ForEach(e => e.Pins--);
        }
    }

    private Entry Load(TenantAdapter adapter, ref int evictions)
    {
        var slot = Array.IndexOf(_slots, null, 1);
        if (slot < 0)
        {
            var victim = _entries.Values.Where(e => e.Pins == 0).MinBy(e => e.LastUse)
                ?? throw new InvalidOperationException($"All {Capacity} adapter slots (Inference:MaxLoadedAdapters) are in use by running batches; retry, or raise the setting.");
            _entries.Remove(victim.Adapter.Key);
            slot = victim.Slot;
            evictions++;
        }

        Write(slot, adapter);
        var entry = new Entry(adapter, slot);
        _slots[slot] = entry;
        _entries.Add(adapter.Key, entry);
        return entry;
    }

    /// <summary>Copies the adapter's matrices into its slot; modules it does not tune are zeroed (they keep the base weights).</summary>
    private void Write(int slot, TenantAdapter adapter)
    {
        foreach (var (module, inputs, outputs, a, b) in _modules)
        {
            var aSlot = a.AsSpan(slot * inputs * Rank, inputs * Rank);
            var bSlot = b.AsSpan(slot * Rank * outputs, Rank * outputs);
            if (adapter.Lora.TryGetValue(module, out var pair))
            {
                pair.A.CopyTo(aSlot);
                pair.B.CopyTo(bSlot);
            }
            else
            {
                aSlot.Clear();
                bSlot.Clear();
            }
        }
    }

    private void Report(int hits, int loads, int evictions)
    {
        for (var i = 0; i < hits; i++)
        {
            Used?.Invoke(true);
        }

        for (var i = 0; i < loads; i++)
        {
            Used?.Invoke(false);
        }

        for (var i = 0; i < evictions; i++)
        {
            Evicted?.Invoke();
        }
    }

    internal sealed class Entry(TenantAdapter adapter, int slot)
    {
        public TenantAdapter Adapter { get; } = adapter;

        public int Slot { get; } = slot;

        public int Pins { get; set; }

        public long LastUse { get; set; }
    }
}
