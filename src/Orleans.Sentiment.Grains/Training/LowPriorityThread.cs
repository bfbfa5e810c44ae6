using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Orleans.Sentiment.Grains.Training;

/// <summary>
/// Runs work on a dedicated thread whose CPU priority is lowered (<see cref="Nice"/> above its nice value, on Linux),
/// so that training yields the cores to classification in the same process. Linux nice is per thread and threads
/// inherit it from the thread that starts them, so libtorch's OpenMP threads, started from this thread, run niced
/// too. Continuations of the work's awaits come back to this thread (a single-thread synchronization context) unless
/// they opt out. An unprivileged process cannot raise a thread's priority again, so this thread never completes the
/// returned task itself: a thread pool thread it started would be niced for good.
/// </summary>
public static partial class LowPriorityThread
{
    /// <summary>How much the work's nice value is above the starting thread's.</summary>
    public const int Nice = 10;

    private const int LowestPriority = 19;
    private const int ProcessPriorityWhich = 0; // PRIO_PROCESS: with a thread id, Linux sets that thread only.

    public static Task<T> RunAsync<T>(Func<Task<T>> work, string name)
    {
        Task<T>? outcome = null;
        var thread = new Thread(() => outcome = RunPumped(work)) { IsBackground = true, Name = name };
        thread.Start();
        // Joined on a thread started from here, at the caller's priority: the completion's continuations are queued from it.
        return Task.Factory.StartNew(() =>
        {
            thread.Join();
            return outcome!;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Lowers the calling thread's priority; false where the platform has no per-thread nice or refuses.</summary>
    public static bool LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        // getpriority returns the nice value itself (-20..19); the result is capped at the lowest priority.
        var thread = GetThreadId();
        var current = GetPriority(ProcessPriorityWhich, thread);
        return SetPriority(ProcessPriorityWhich, thread, Math.Min(LowestPriority, current + Nice)) == 0;
    }

    /// <summary>The work's outcome as a completed task, its continuations run on this thread.</summary>
    private static Task<T> RunPumped<T>(Func<Task<T>> work)
    {
        LowerCurrentThread();
        using var context = new PumpContext();
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            var task = work();
            task.ContinueWith(_ => context.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            context.RunUntilComplete();
            return task;
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "getpriority")]
    private static partial int GetPriority(int which, int who);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();

    /// <summary>Runs posted continuations on the thread that calls <see cref="RunUntilComplete"/>.</summary>
    private sealed class PumpContext : SynchronizationContext, IDisposable
    {
        private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];

        public override void Post(SendOrPostCallback d, object? state)
        {
            try
            {
                _queue.Add((d, state));
            }
            catch (InvalidOperationException)
            {
                // The work finished: a late continuation runs on the thread pool.
                ThreadPool.QueueUserWorkItem(s => d(s), state, preferLocal: false);
            }
        }

        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Send is not supported on the training thread.");

        public void Complete() => _queue.CompleteAdding();

        public void RunUntilComplete()
        {
            foreach (var (callback, state) in _queue.GetConsumingEnumerable())
            {
                callback(state);
            }
        }

        public void Dispose() => _queue.Dispose();
    }
}
