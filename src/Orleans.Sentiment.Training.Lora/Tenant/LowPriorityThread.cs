using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Orleans.Sentiment.Training.Lora.Tenant;

/// <summary>
/// Runs work on a new thread whose CPU priority is lowered (Linux nice) before it starts any native pool, so the
/// threads libtorch's OpenMP runtime and ONNX Runtime create from it inherit the nice value (Linux nice is per
/// thread and copied to new threads) while the rest of the process (ingestion, classification) keeps its priority.
/// Nothing else runs on that thread: progress is handed over through a queue and reported, and the task completed,
/// by a normal-priority relay thread, because .NET thread-pool threads created from a niced thread (to run a posted
/// callback or continuation) would inherit its nice value for good.
/// </summary>
internal static partial class LowPriorityThread
{
    /// <summary>Nice value of training threads: they get the cores only when normal-priority work leaves them idle.</summary>
    public const int Nice = 10;

    public static Task<T> Run<T, TProgress>(string name, Func<IProgress<TProgress>, T> work, IProgress<TProgress> progress)
    {
        var queue = new BlockingCollection<TProgress>();
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                LowerCurrentThread();
                result = work(new QueuedProgress<TProgress>(queue));
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        return Task.Factory.StartNew(
            () =>
            {
                StartBackgroundGcThread();
                worker.Start();
                foreach (var value in queue.GetConsumingEnumerable())
                {
                    progress.Report(value);
                }

                worker.Join();
                queue.Dispose();
                failure?.Throw();
                return result;
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    /// <summary>
    /// The runtime creates its background GC thread on the first background collection, from whichever thread
    /// allocates then: if that were the training thread, the process's GC thread would run niced for good. A
    /// non-blocking full collection here, on a normal-priority thread, makes sure it exists first.
    /// </summary>
    private static void StartBackgroundGcThread() => GC.Collect(2, GCCollectionMode.Forced, blocking: false);

    /// <summary>Raises the calling thread's nice value to <see cref="Nice"/> (never lowers it; raising needs no privilege).</summary>
    public static void LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var thread = GetThreadId();
        var current = GetPriority(0, thread);
        if (current < Nice)
        {
            _ = SetPriority(0, thread, Nice);
        }
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();

    // PRIO_PROCESS (0) with a thread id: Linux applies it to that thread alone.
    [LibraryImport("libc", EntryPoint = "getpriority")]
    private static partial int GetPriority(int which, int who);

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    private sealed class QueuedProgress<TValue>(BlockingCollection<TValue> queue) : IProgress<TValue>
    {
        public void Report(TValue value) => queue.Add(value);
    }
}
