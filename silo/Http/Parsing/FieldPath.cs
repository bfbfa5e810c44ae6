namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>How errors name a field of one item: <c>[3].text</c> in a JSON array, <c>line 2: text</c> in NDJSON.</summary>
internal readonly record struct FieldPath(string Item, string Separator)
{
    public static FieldPath ArrayElement(int index) => new($"[{index}]", ".");

    public static FieldPath Line(int lineNumber) => new($"line {lineNumber}", ": ");

    public string Of(string? field) => field is null ? Item : Item + Separator + field;
}
