namespace Orleans.Sentiment.Inference.Execution;

/// <summary>
/// Physical cores this process may use: SMT siblings count once, and the container's CPU limit (which
/// <see cref="Environment.ProcessorCount"/> reflects) caps the result. The default for ONNX Runtime's intra-op
/// threads: more threads than cores only makes them wait for each other.
/// </summary>
public static class MachineCores
{
    private static readonly Lazy<int> Physical = new(Detect);

    public static int PhysicalCores => Physical.Value;

    /// <summary><paramref name="configured"/> when positive, else <see cref="PhysicalCores"/>.</summary>
    public static int Resolve(int configured) => configured > 0 ? configured : PhysicalCores;

    private static int Detect()
    {
        var logical = Math.Max(1, Environment.ProcessorCount);
        try
        {
            var cpus = new DirectoryInfo("/sys/devices/system/cpu");
            if (!cpus.Exists)
            {
                return logical;
            }

            var cores = new HashSet<string>(StringComparer.Ordinal);
            var total = 0;
            foreach (var cpu in cpus.EnumerateDirectories("cpu*"))
            {
                if (!cpu.Name.AsSpan(3).ToString().All(char.IsAsciiDigit))
                {
                    continue;
                }

                var siblings = Path.Combine(cpu.FullName, "topology", "thread_siblings_list");
                if (File.Exists(siblings))
                {
                    total++;
                    cores.Add(File.ReadAllText(siblings).Trim());
                }
            }

            // A CPU limit below the machine's size keeps the same share of physical cores.
            return cores.Count == 0 ? logical : Math.Clamp((int)Math.Round(cores.Count * Math.Min(1.0, logical / (double)total)), 1, logical);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return logical;
        }
    }
}
