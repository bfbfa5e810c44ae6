namespace Orleans.Sentiment.Testing;

/// <summary>A fact that needs ../shared/data: skipped, saying why, where the data is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (TestPaths.SharedData is null)
        {
            Skip = TestPaths.SharedDataMissing;
        }
    }
}
