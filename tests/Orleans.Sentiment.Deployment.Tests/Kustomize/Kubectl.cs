using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Orleans.Sentiment.Deployment.Tests.Kustomize;

/// <summary>Finds <c>kubectl</c> on PATH and renders a kustomization with <c>kubectl kustomize</c> (offline).</summary>
internal static partial class Kubectl
{
    /// <summary>The kustomize features k8s/ uses (labels with includeSelectors, replicas, patches with targets).</summary>
    private static readonly Version MinimumKustomize = new(5, 0);

    public static string? Path { get; } = Find();

    /// <summary>Why the manifest tests are skipped, or null when a recent enough kubectl is on PATH.</summary>
    public static string? Missing { get; } = Path is null
        ? "kubectl is not on PATH: install it (kubectl kustomize renders k8s/ offline) to run the manifest tests."
        : KustomizeVersion() is { } version && version >= MinimumKustomize
            ? null
            : $"{Path} embeds no kustomize {MinimumKustomize} or newer (kubectl 1.27+ does): the manifest tests need it.";

    public static string Kustomize(string directory) => Run("kustomize", directory);

    private static Version? KustomizeVersion()
    {
        var match = KustomizeVersionLine().Match(Run("version", "--client"));
        return match.Success ? Version.Parse(match.Groups[1].Value) : null;
    }

    private static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("kubectl is not on PATH."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? stdout
            : throw new InvalidOperationException($"kubectl {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}");
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, "kubectl"))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"Kustomize Version: v(\d+\.\d+)")]
    private static partial Regex KustomizeVersionLine();
}
