using System.Globalization;

namespace Orleans.Sentiment.GpuBench;

/// <summary>Command-line settings of the GPU benchmark (<c>-name value</c> pairs).</summary>
internal sealed record BenchArguments
{
    public string Device { get; init; } = "cuda:0";

    public string? Model { get; init; }

    public string? Variant { get; init; }

    public string Work { get; init; } = Path.Combine(Path.GetTempPath(), "gpu-bench");

    public string? Tokenizer { get; init; }

    public string Corpus { get; init; } = Path.Combine("data", "builtin", "feedback.csv");

    public int Count { get; init; } = 50_000;

    public int[] BatchTexts { get; init; } = [256, 1024];

    public int BatchTokens { get; init; } = 65_536;

    public int Workers { get; init; } = 2;

    public int Callers { get; init; } = 64;

    public int Chunk { get; init; } = 64;

    public string? Json { get; init; }

    public static BenchArguments Parse(string[] args)
    {
        var result = new BenchArguments();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            result = args[i] switch
            {
                "-device" => result with { Device = value },
                "-model" => result with { Model = value },
                "-variant" => result with { Variant = value },
                "-work" => result with { Work = value },
                "-tokenizer" => result with { Tokenizer = value },
                "-corpus" => result with { Corpus = value },
                "-count" => result with { Count = Int(value) },
                "-batch-texts" => result with { BatchTexts = [.. value.Split(',').Select(Int)] },
                "-batch-tokens" => result with { BatchTokens = Int(value) },
                "-workers" => result with { Workers = Int(value) },
                "-callers" => result with { Callers = Int(value) },
                "-chunk" => result with { Chunk = Int(value) },
                "-json" => result with { Json = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return result;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
