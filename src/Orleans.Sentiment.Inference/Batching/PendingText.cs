namespace Orleans.Sentiment.Inference;

/// <summary>One queued text: which call it belongs to, where its result goes, its encoding and its tenant's lane.</summary>
internal sealed class PendingText(PendingCall call, int index, EncodedText encoded, long sequence, long enqueuedAt, string lane = "")
{
    public PendingCall Call { get; } = call;

    public int Index { get; } = index;

    /// <summary>The text as the models are fed it, encoded once when it was queued.</summary>
    public EncodedText Encoded { get; } = encoded;

    public int Tokens => Encoded.Tokens;

    /// <summary>Model passes the text costs in a call's token budget.</summary>
    public int Passes => Encoded.Passes;

    /// <summary>Tokens times passes: the model time the text takes, what lanes are served fairly by.</summary>
    public long Cost => (long)Tokens * Passes;

    /// <summary>Arrival order across all calls.</summary>
    public long Sequence { get; } = sequence;

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp of arrival.</summary>
    public long EnqueuedAt { get; } = enqueuedAt;

    /// <summary>Taken into a batch or dropped with its cancelled call: no longer queued.</summary>
    public bool Removed { get; set; }

    /// <summary>The fairness lane (tenant) the text is queued in.</summary>
    public string Lane { get; } = lane;

    public string Text => Call.Texts[Index];
}
