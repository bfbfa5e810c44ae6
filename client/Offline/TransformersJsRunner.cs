using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Client.Offline;

/// <summary>Label and score transformers.js gave one text.</summary>
internal sealed record ReferenceScore(string Label, double Score);

/// <summary>What transformers.js measured: seconds per batch size and the scores of the first texts.</summary>
internal sealed record TransformersJsResult(IReadOnlyDictionary<int, double> SecondsPerBatchSize, IReadOnlyList<ReferenceScore> Check);

/// <summary>Runs <c>tools/bench/bench.mjs</c> (transformers.js with onnxruntime-node) on the same folder and texts.</summary>
internal static class TransformersJsRunner
{
    /// <summary>The bench script folder when Node and the installed npm packages are there; otherwise why not.</summary>
    public static (string? Directory, string? Missing) Locate()
    {
        var tools = SharedData.RepositoryRoot() is { } root ? Path.Combine(root, "tools", "bench") : null;
        if (tools is null || !File.Exists(Path.Combine(tools, "bench.mjs")))
        {
            return (null, "tools/bench/bench.mjs not found (run from the repository)");
        }

        if (!Directory.Exists(Path.Combine(tools, "node_modules", "@huggingface", "transformers")))
        {
            return (null, "transformers.js is not installed (run `npm ci` in tools/bench)");
        }

        return FindOnPath("node") is null ? (null, "node is not on PATH") : (tools, null);
    }

    public static TransformersJsResult Run(string toolsDirectory, string modelDirectory, IReadOnlyList<string> texts, IReadOnlyList<int> batchSizes, int threads, int checkCount)
    {
        var textsFile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(textsFile, JsonSerializer.Serialize(texts));
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = toolsDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[]
            {
                "bench.mjs", "--model", Path.GetFullPath(modelDirectory), "--texts", textsFile,
                "--batch-sizes", string.Join(',', batchSizes), "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--check", checkCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            var errors = process.StandardError.ReadToEndAsync();
            var lines = new List<string>();
            while (process.StandardOutput.ReadLine() is { } line)
            {
                lines.Add(line);
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"transformers.js bench failed ({process.ExitCode}): {errors.Result.Trim()}");
            }

            return Parse(lines);
        }
        finally
        {
            File.Delete(textsFile);
        }
    }

    private static TransformersJsResult Parse(IEnumerable<string> lines)
    {
        var seconds = new Dictionary<int, double>();
        var check = new List<ReferenceScore>();
        foreach (var line in lines.Where(l => l.StartsWith('{')))
        {
            var node = JsonNode.Parse(line)!.AsObject();
            if (node["check"] is JsonArray scores)
            {
                check.AddRange(scores.Select(s => new ReferenceScore((string)s!["label"]!, (double)s["score"]!)));
            }
            else
            {
                seconds[(int)node["batchSize"]!] = (double)node["seconds"]!;
            }
        }

        return new TransformersJsResult(seconds, check);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
