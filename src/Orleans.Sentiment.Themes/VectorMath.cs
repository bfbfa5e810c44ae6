using System.Numerics;
using System.Runtime.InteropServices;

namespace Orleans.Sentiment.Themes;

/// <summary>The few dense float operations the clustering's inner loops need, vectorised.</summary>
internal static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        var sum = Vector<float>.Zero;
        var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
        var ys = MemoryMarshal.Cast<float, Vector<float>>(y[..x.Length]);
        for (var i = 0; i < xs.Length; i++)
        {
            sum += xs[i] * ys[i];
        }

        var result = Vector.Sum(sum);
        for (var i = xs.Length * Vector<float>.Count; i < x.Length; i++)
        {
            result += x[i] * y[i];
        }

        return result;
    }

    /// <summary>y += a·x.</summary>
    public static void AddScaled(ReadOnlySpan<float> x, float a, Span<float> y)
    {
        var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
        var ys = MemoryMarshal.Cast<float, Vector<float>>(y[..x.Length]);
        var scale = new Vector<float>(a);
        for (var i = 0; i < xs.Length; i++)
        {
            ys[i] += xs[i] * scale;
        }

        for (var i = xs.Length * Vector<float>.Count; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    public static void Scale(Span<float> x, float a)
    {
        var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
        var scale = new Vector<float>(a);
        for (var i = 0; i < xs.Length; i++)
        {
            xs[i] *= scale;
        }

        for (var i = xs.Length * Vector<float>.Count; i < x.Length; i++)
        {
            x[i] *= a;
        }
    }
}
