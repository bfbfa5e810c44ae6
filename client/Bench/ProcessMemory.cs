namespace Orleans.Sentiment.Client.Bench;

/// <summary>Resident memory of a process, from /proc (Linux), else what .NET reports for this process.</summary>
internal static class ProcessMemory
{
    public static long ResidentBytes(int? processId = null) => Read(processId, "VmRSS:") ?? (processId is null ? Environment.WorkingSet : 0);

    public static long PeakResidentBytes(int? processId = null) => Read(processId, "VmHWM:") ?? 0;

    private static long? Read(int? processId, string field)
    {
        var path = $"/proc/{(processId is { } id ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "self")}/status";
        try
        {
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            var kb = line?[field.Length..].Trim().Split(' ')[0];
            return kb is null ? null : long.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
