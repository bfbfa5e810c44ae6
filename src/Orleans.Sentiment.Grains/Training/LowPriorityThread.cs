using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Orleans.Sentiment.Grains.Training;

/// <summary>
/// Runs work on a dedicated thread whose CPU priority is lowered (nice <see cref="Nice"/> on Linux), so that training
/// yields the cores to classification in the same process. Linux nice is per thread and threads inherit it from
/// the thread that creates them, so libtorch's OpenMP pool, started from this thread, runs niced too. Continuations
/// of the work's awaits come back to this thread (a single-thread synchronization context) unless they opt out.
/// </summary>
public static partial class LowPriorityThread
{
    public const int Nice = 10;

    public static Task<T> RunAsync<T>(Func<Task<T>> work, string name)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => Run(work, done)) { IsBackground = true, Name = name };
        thread.Start();
        return done.Task;
    }

    /// <summary>Lowers the calling thread's priority; false where the platform has no per-thread nice.</summary>
    public static bool LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        return SetPriority(ProcessPriorityWhich, GetThreadId(), Nice) == 0;
    }

    private static void Run<T>(Func<Task<T>> work, TaskCompletionSource<T> done)
    {
        LowerCurrentThread();
        using var context = new PumpContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            var task = work();
            task.ContinueWith(_ => context.Complete(), TaskScheduler.Default);
            context.RunUntilComplete();
            done.TrySetResult(task.GetAwaiter().GetResult());
        }
        catch (OperationCanceledException exception)
        {
            done.TrySetCanceled(exception.CancellationToken);
        }
        catch (Exception exception)
        {
            done.TrySetException(exception);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private const int ProcessPriorityWhich = 0; // PRIO_PROCESS: with a thread id, Linux sets that thread only.

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

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
