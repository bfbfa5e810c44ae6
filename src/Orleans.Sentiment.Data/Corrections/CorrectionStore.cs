using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Orleans.Sentiment.Data.Corrections;

/// <summary>
/// Per-tenant append-only corrections, one JSONL file per tenant (<c>{directory}/{tenant}.jsonl</c>). Appends
/// from many threads of one process are serialised per tenant and each row is written whole and flushed, so
/// readers never see half a row. Separate processes must not write the same directory.
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
    private readonly TimeProvider _time;

    public CorrectionStore(string directory, TimeProvider? time = null)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new ArgumentException("Corrections directory must be set.", nameof(directory));
        }

        Directory = Path.GetFullPath(directory);
        _time = time ?? TimeProvider.System;
    }

    public string Directory { get; }

    public string PathFor(string tenant)
    {
        TenantName.Validate(tenant);
        return Path.Combine(Directory, tenant + ".jsonl");
    }

    /// <summary>Validates, trims and appends one correction, stamping <c>correctedAt</c> with the current time.</summary>
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
            System.IO.Directory.CreateDirectory(Directory);
            await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1, useAsync: true);
            await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
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

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
