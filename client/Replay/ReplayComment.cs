namespace Orleans.Sentiment.Client.Replay;

/// <summary>One row of a replayed file, ready to send: <see cref="Line"/> is where it starts in the file.</summary>
internal sealed record ReplayComment(int Line, string Source, string Id, string Text, DateTimeOffset Timestamp);
