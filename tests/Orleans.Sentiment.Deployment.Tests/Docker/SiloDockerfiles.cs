using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Deployment.Tests.Docker;

/// <summary>The silo images' Dockerfiles (CPU, GPU, trainer) and the repository's .dockerignore.</summary>
internal static class SiloDockerfiles
{
    public static string CpuPath => Path.Combine(TestPaths.RepositoryRoot, "silo", "Dockerfile");

    public static string GpuPath => Path.Combine(TestPaths.RepositoryRoot, "silo", "Dockerfile.gpu");

    public static string TrainerPath => Path.Combine(TestPaths.RepositoryRoot, "silo", "Dockerfile.trainer");

    public static Dockerfile Cpu => Dockerfile.Load(CpuPath);

    public static Dockerfile Trainer => Dockerfile.Load(TrainerPath);

    public static Dockerfile Gpu => Dockerfile.Load(GpuPath);

    public static DockerIgnore Ignore => DockerIgnore.Load(Path.Combine(TestPaths.RepositoryRoot, ".dockerignore"));

    public static TheoryData<string> All => new() { "silo/Dockerfile", "silo/Dockerfile.gpu", "silo/Dockerfile.trainer" };

    public static Dockerfile Load(string relativePath) => Dockerfile.Load(Path.Combine(TestPaths.RepositoryRoot, relativePath));

    /// <summary>The build stage's <c>dotnet publish</c> command, as the shell runs it.</summary>
    public static string PublishCommand(Dockerfile dockerfile) =>
        Dockerfile.ShellCommand(dockerfile.Stages[0].All("RUN").Single(r => r.Arguments.Contains("dotnet publish", StringComparison.Ordinal)));

    /// <summary>The value of an option such as <c>-o</c> or <c>-c</c> in a command line.</summary>
    public static string Option(string command, string option)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.IndexOf(words, option);
        return index >= 0 && index + 1 < words.Length ? words[index + 1] : throw new InvalidOperationException($"No {option} in: {command}");
    }
}
