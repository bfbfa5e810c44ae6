namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>Seeded normal samples (Box–Muller), so the same seed always gives the same weights.</summary>
internal sealed class GaussianSampler(int seed)
{
    private readonly Random _random = new(seed);
    private double? _spare;

    public void Fill(Span<float> values, double standardDeviation)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(Next() * standardDeviation);
        }
    }

    public void FillUniform(Span<float> values, double low, double high)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(low + (_random.NextDouble() * (high - low)));
        }
    }

    private double Next()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }

        // 1 - NextDouble() is in (0, 1], so the logarithm is finite.
        var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - _random.NextDouble()));
        var angle = 2.0 * Math.PI * _random.NextDouble();
        _spare = radius * Math.Sin(angle);
        return radius * Math.Cos(angle);
    }
}
