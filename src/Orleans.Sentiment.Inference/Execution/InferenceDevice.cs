using System.Globalization;

namespace Orleans.Sentiment.Inference.Execution;

/// <summary>Where a model runs: the CPU, or one CUDA device (<c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>).</summary>
public sealed record InferenceDevice(InferenceDeviceKind Kind, int DeviceId)
{
    public static InferenceDevice Cpu { get; } = new(InferenceDeviceKind.Cpu, 0);

    public bool IsCuda => Kind == InferenceDeviceKind.Cuda;

    /// <summary>Parses <c>cpu</c>, <c>cuda</c> (device 0) or <c>cuda:N</c>; throws naming <paramref name="setting"/> otherwise.</summary>
    public static InferenceDevice Parse(string? value, string setting = "Inference:Device")
    {
        var text = (value ?? "").Trim().ToLowerInvariant();
        if (text is "" or "cpu")
        {
            return Cpu;
        }

        if (text == "cuda")
        {
            return new InferenceDevice(InferenceDeviceKind.Cuda, 0);
        }

        if (text.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id is >= 0 and < 64)
        {
            return new InferenceDevice(InferenceDeviceKind.Cuda, id);
        }

        throw new ArgumentException($"{setting} must be 'cpu', 'cuda' or 'cuda:N' (N = device number 0..63); it is '{value}'.");
    }

    public override string ToString() => IsCuda ? $"cuda:{DeviceId}" : "cpu";
}

public enum InferenceDeviceKind
{
    Cpu,
    Cuda,
}
