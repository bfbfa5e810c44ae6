namespace Orleans.Sentiment.Silo.Endpoints;

/// <summary>
/// Validation errors keyed by field, capped at <see cref="MaxEntries"/> so a hostile body cannot make the answer
/// grow with it; <see cref="Total"/> still counts every error found.
/// </summary>
internal sealed class ErrorList
{
    public const int MaxEntries = 20;
    private const int MaxFieldLength = 80;

    private readonly Dictionary<string, string[]> _entries = new(StringComparer.Ordinal);

    public int Total { get; private set; }

    public bool Any => Total > 0;

    public IReadOnlyDictionary<string, string[]> Entries => _entries;

    public void Add(string field, string message)
    {
        Total++;
        field = field.Length > MaxFieldLength ? field[..MaxFieldLength] + "…" : field;
        if (_entries.TryGetValue(field, out var messages))
        {
            if (messages.Length < 3)
            {
                _entries[field] = [.. messages, message];
            }
        }
        else if (_entries.Count < MaxEntries)
        {
            _entries[field] = [message];
        }
    }

    public bool Contains(string field) => _entries.ContainsKey(field);
}
