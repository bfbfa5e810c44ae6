namespace Orleans.Sentiment.Data.Preparation;

/// <summary>Everything a prepare run did: cleaning counts, distributions, split sizes and the files written.</summary>
public sealed record PrepareReport(
    string InputPath,
    CleaningResult Cleaning,
    LabelDistribution Distribution,
    double MaxImbalance,
    DataSplit Split,
    LabelDistribution TrainDistribution,
    BalanceMode Balance,
    PreparedFiles Files)
{
    public bool IsImbalanced => Distribution.IsImbalanced(MaxImbalance);
}

/// <summary>Paths of the cleaned file and of the three split files.</summary>
public sealed record PreparedFiles(string Cleaned, string Train, string Validation, string Test);
