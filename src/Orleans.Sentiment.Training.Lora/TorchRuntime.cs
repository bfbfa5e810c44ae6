using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Orleans.Sentiment.Training.Lora;

/// <summary>Process-wide libtorch settings for a training run: CPU threads, the random seed, OpenMP's wait policy, and memory given back after it.</summary>
public static partial class TorchRuntime
{
    private static readonly object Gate = new();
    private static bool _prepared;

    /// <summary>Sets the thread count (0: all cores) and seeds libtorch's generator (initialisation, dropout).</summary>
    public static void Configure(int threads, int seed)
    {
        PrepareEnvironment();
        set_num_threads(threads > 0 ? threads : Environment.ProcessorCount);
        manual_seed(seed);
    }

    /// <summary>
    /// Before libtorch (and its OpenMP runtime) loads: unless OMP_WAIT_POLICY is set, make idle OpenMP threads sleep
    /// rather than spin. On a machine whose cores are shared with other processes, spinning threads steal the time
    /// the working ones need; measured here, a training step ran 5-10 times slower with the default (active) policy.
    /// .NET keeps its own copy of the environment, so the variable is set in the C library with setenv.
    /// </summary>
    public static void PrepareEnvironment()
    {
        lock (Gate)
        {
            if (_prepared)
            {
                return;
            }

            _prepared = true;
            if (!OperatingSystem.IsWindows() && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OMP_WAIT_POLICY")))
            {
                _ = SetEnvironment("OMP_WAIT_POLICY", "PASSIVE", 0);
            }
        }
    }

    /// <summary>
    /// After a run in a long-lived process (a silo): tensors still waiting for finalizers are freed, then the C
    /// library is asked to hand free heap pages back to the system. libtorch allocates through malloc, and without this
    /// a silo kept the peak of its last training run (about 3 GB for MiniLM) while it went back to classifying.
    /// </summary>
    public static void ReleaseMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        if (OperatingSystem.IsLinux())
        {
            try
            {
                _ = TrimHeap(0);
            }
            catch (EntryPointNotFoundException)
            {
                // Not glibc (e.g. musl): nothing to trim with.
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int TrimHeap(nuint pad);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);
}
