namespace Orleans.Sentiment.Contracts;

public enum AlertKind
{
    /// <summary>The negative share rose above the threshold.</summary>
    Spike,

    /// <summary>The negative share fell back to the threshold or below.</summary>
    Recovery,
}
