using System.Text;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>A one-line chart of ratios in [0, 1] from block characters, newest last, at most <see cref="Width"/> long.</summary>
internal sealed class StatsSparkline
{
    public const int Width = 40;

    private const string Blocks = "▁▂▃▄▅▆▇█";
    private readonly Queue<double> _values = new();

    public void Add(double ratio)
    {
        _values.Enqueue(Math.Clamp(double.IsFinite(ratio) ? ratio : 0, 0, 1));
        if (_values.Count > Width)
        {
            _values.Dequeue();
        }
    }

    public override string ToString()
    {
        var line = new StringBuilder(_values.Count);
        foreach (var value in _values)
        {
            line.Append(Blocks[(int)Math.Round(value * (Blocks.Length - 1))]);
        }

        return line.ToString();
    }
}
