using System.Globalization;
using Orleans.Sentiment.Inference.Execution;

namespace Orleans.Sentiment.Client.Bench;

/// <summary>What the figures were measured on: CPU model, cores, load when the run started.</summary>
internal sealed record MachineInfo(string CpuModel, int LogicalCores, int PhysicalCores, string? LoadAverage, bool AvxVnni)
{
    public static MachineInfo Read()
    {
        var cpuInfo = File.Exists("/proc/cpuinfo") ? File.ReadAllLines("/proc/cpuinfo") : [];
        var model = cpuInfo.FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var flags = cpuInfo.FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal)) ?? "";
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
        return new MachineInfo(model, Environment.ProcessorCount, MachineCores.PhysicalCores, load, flags.Contains(" avx512_vnni", StringComparison.Ordinal));
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"CPU {CpuModel}: {LogicalCores} logical core(s), {PhysicalCores} physical; AVX-512 VNNI {(AvxVnni ? "yes" : "no")}; load average at start {LoadAverage ?? "n/a"}.");
}
