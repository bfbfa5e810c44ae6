namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>
/// Validation errors keyed by field, capped at <see cref="MaxEntries"/> fields so a hostile body cannot make the
/// answer grow with it; <see cref="Total"/> still counts every error found. An error about the whole body (say,
/// too many comments) is always listed, first.
/// </summary>
internal sealed class ErrorList
{
    public const int MaxEntries = 20;
    public const string BodyField = "body";
    private const int MaxFieldLength = 80;
    private const int MaxMessagesPerField = 3;

    private readonly List<KeyValuePair<string, List<string>>> _entries = [];

    public int Total { get; private set; }

    public bool Any => Total > 0;

    public IReadOnlyDictionary<string, string[]> Entries => _entries.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        Total++;
        field = field.Length > MaxFieldLength ? field[..MaxFieldLength] + "…" : field;
        var existing = _entries.FindIndex(e => e.Key == field);
        if (existing >= 0)
        {
            if (_entries[existing].Value.Count < MaxMessagesPerField)
            {
                _entries[existing].Value.Add(message);
            }

            return;
        }

        if (field == BodyField)
        {
            if (_entries.Count == MaxEntries)
            {
                _entries.RemoveAt(_entries.Count - 1);
            }

            _entries.Insert(0, new(field, [message]));
        }
        else if (_entries.Count < MaxEntries)
        {
            _entries.Add(new(field, [message]));
        }
    }
}
