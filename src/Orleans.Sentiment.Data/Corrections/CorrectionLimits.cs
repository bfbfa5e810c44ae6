namespace Orleans.Sentiment.Data.Corrections;

/// <summary>Bounds that keep one correction a reasonable training example.</summary>
public static class CorrectionLimits
{
    public const int MaxTextLength = 10_000;
    public const int MaxLabelLength = 100;
    public const int MaxIdLength = 200;
    public const int MaxSourceLength = 200;

    public static void Validate(Correction correction)
    {
        Require("text", correction.Text, MaxTextLength);
        Require("label", correction.Label, MaxLabelLength);
        Optional("id", correction.Id, MaxIdLength);
        Optional("source", correction.Source, MaxSourceLength);
        if (correction.Label.Contains('\n') || correction.Label.Contains('\r'))
        {
            throw new CorrectionException("label", "label must be a single line.");
        }
    }

    private static void Require(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CorrectionException(field, $"{field} is required and must not be blank.");
        }

        Optional(field, value, maxLength);
    }

    private static void Optional(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            throw new CorrectionException(field, $"{field} is {value.Length} characters long; at most {maxLength} are allowed.");
        }
    }
}
