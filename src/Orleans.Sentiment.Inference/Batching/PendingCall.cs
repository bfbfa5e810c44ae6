using System.Diagnostics;

namespace Orleans.Sentiment.Inference;

/// <summary>One caller's texts: results fill in as batches finish; the task completes when all have.</summary>
internal sealed class PendingCall(IReadOnlyList<string> texts)
{
    /// <summary>The caller's span, if it is traced: the model calls that serve the texts link to it.</summary>
    public Activity? Caller { get; } = Activity.Current;

    private int _remaining = texts.Count;

    public IReadOnlyList<string> Texts { get; } = texts;

    public TextClassification[] Results { get; } = new TextClassification[texts.Count];

    public TaskCompletionSource<IReadOnlyList<TextClassification>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PendingText[] Items { get; set; } = [];

    public bool IsCompleted => Completion.Task.IsCompleted;

    /// <summary>Records one text's outcome; completes the call with the last one.</summary>
    public void Set(int index, TextClassification result)
    {
        Results[index] = result;
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            Completion.TrySetResult(Results);
        }
    }
}
