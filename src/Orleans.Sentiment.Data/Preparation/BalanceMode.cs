namespace Orleans.Sentiment.Data.Preparation;

/// <summary>How the training split is balanced after the stratified split.</summary>
public enum BalanceMode
{
    /// <summary>Keep the natural label distribution.</summary>
    None,

    /// <summary>Randomly drop rows of larger classes down to the smallest class.</summary>
    Under,

    /// <summary>Randomly repeat rows of smaller classes up to the largest class.</summary>
    Over,
}
