using System.Diagnostics;

namespace Orleans.Sentiment.Deployment.Tests.Kustomize;

/// <summary>Finds <c>kubectl</c> on PATH and renders a kustomization with <c>kubectl kustomize</c> (offline).</summary>
internal static class Kubectl
{
    public const string Missing = "kubectl is not on PATH: install it (kubectl kustomize renders k8s/ offline) to run the manifest tests.";

    public static string? Path { get; } = Find();

    public static string Kustomize(string directory)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException(Missing))
        {
            ArgumentList = { "kustomize", directory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {directory} failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout;
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, "kubectl"))
            .FirstOrDefault(File.Exists);
}
