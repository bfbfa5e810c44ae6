using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Orleans.Sentiment.Data.Corrections;

/// <summary>
/// Per-tenant append-only corrections, one JSONL file per tenant (<c>{directory}/{tenant}.jsonl</c>). Appends
/// from many threads of one process are serialised per tenant and each row is written whole and flushed, so
/// readers never see half a row. Separate processes must not write the same directory. A tenant holds at most
/// <c>maxPerTenant</c> rows; the count is taken from the file on first use and kept in memory after that.
/// </summary>
public sealed class CorrectionStore
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Ignoring case shares one gate between "Acme" and "acme", which are one file on case-insensitive disks.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;
    private readonly int _maxPerTenant;

    public CorrectionStore(string directory, TimeProvider? time = null, int maxPerTenant = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerTenant, 1);
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new ArgumentException("Corrections directory must be set.", nameof(directory));
        }

        Directory = Path.GetFullPath(directory);
        _time = time ?? TimeProvider.System;
        _maxPerTenant = maxPerTenant;
    }

    public string Directory { get; }

    public string PathFor(string tenant)
    {
        TenantName.Validate(tenant);
        return Path.Combine(Directory, tenant + ".jsonl");
    }

    /// <summary>Validates, trims and appends one correction, stamping <c>correctedAt</c> with the current time.</summary>
    /// <exception cref="CorrectionException">The correction or tenant is invalid.</exception>
    /// <exception cref="CorrectionQuotaException">The tenant already holds <c>maxPerTenant</c> corrections.</exception>
    public async Task<Correction> AppendAsync(string tenant, string text, string label, string? id = null, string? source = null, CancellationToken cancellationToken = default)
    {
        var path = PathFor(tenant);
        var correction = new Correction(text?.Trim() ?? string.Empty, label?.Trim() ?? string.Empty, _time.GetUtcNow(), Blank(id), Blank(source));
        CorrectionLimits.Validate(correction);
        var line = Utf8.GetBytes(JsonSerializer.Serialize(correction, Json) + "\n");

        var gate = _locks.GetOrAdd(tenant, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var count = _counts.TryGetValue(tenant, out var known) ? known : CountRows(path);
            if (count >= _maxPerTenant)
            {
                _counts[tenant] = count;
                throw new CorrectionQuotaException($"Tenant '{tenant}' already holds {count} corrections, the most allowed (Corrections:MaxPerTenant).");
            }

            System.IO.Directory.CreateDirectory(Directory);
            await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1, useAsync: true);
            await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            _counts[tenant] = count + 1;
        }
        finally
        {
            gate.Release();
        }

        return correction;
    }

    /// <summary>All corrections of a tenant in the order they were appended; none when the tenant has no file.</summary>
    public IReadOnlyList<Correction> Read(string tenant)
    {
        var path = PathFor(tenant);
        return File.Exists(path) ? CorrectionFile.Read(path) : [];
    }

    private static int CountRows(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var rows = 0;
        while (reader.ReadLine() is { } line)
        {
            rows += string.IsNullOrWhiteSpace(line) ? 0 : 1;
        }

        return rows;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
