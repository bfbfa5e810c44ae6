using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Orleans.Sentiment.Deployment.Tests.Docker;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Deployment.Tests;

/// <summary>
/// Replays silo/Dockerfile's build stage without Docker: the context that .dockerignore lets through is copied to
/// a scratch folder standing for WORKDIR, and the RUN command runs there as written, its output folder (-o) mapped
/// to a second scratch folder.
/// These are the suite's only publishes: Release builds of the silo and its projects, without and with the trainer
/// (5 minutes each on a busy 2-core machine).
/// </summary>
public sealed class DockerfilePublishTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("orleans-sentiment-docker-").FullName;

    [Fact]
    public void Publish_CpuDockerfileBuildStage_ProducesARunnableLinuxX64Silo()
    {
        var output = PublishAsWritten(SiloDockerfiles.Cpu);

        var files = AssertRunnableSilo(output);
        Assert.Contains("Orleans.Sentiment.Modeling.BuiltIn.adapters.category.adapter.adapter_model.safetensors", ManifestResources(Path.Combine(output, "Orleans.Sentiment.Modeling.dll")));
        // The built-in models are merged without the trainer: the image carries neither trainer nor libtorch.
        Assert.DoesNotContain(files, f => Path.GetFileName(f).StartsWith("Orleans.Sentiment.Train", StringComparison.Ordinal) || Path.GetFileName(f).Contains("torch", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The same executable with the trainer: its assembly, the tenant trainer and libtorch's CPU natives.</summary>
    [Fact]
    public void Publish_TrainerDockerfileBuildStage_ProducesASiloWithTheTrainerAndLibtorch()
    {
        var output = PublishAsWritten(SiloDockerfiles.Trainer);

        var files = AssertRunnableSilo(output).Select(Path.GetFileName).ToList();
        Assert.Contains("Orleans.Sentiment.Trainer.dll", files);
        Assert.Contains("Orleans.Sentiment.Training.Lora.dll", files);
        Assert.Contains("TorchSharp.dll", files);
        Assert.Contains("libtorch_cpu.so", files);
    }

    /// <summary>Replays the build stage as written, with the image's output folder (-o) standing for a scratch folder.</summary>
    private string PublishAsWritten(Dockerfile dockerfile)
    {
        var build = dockerfile.Stages[0];
        Assert.Equal(["WORKDIR", "COPY", "RUN"], build.Body.Select(i => i.Keyword));
        Assert.Equal(". .", build.Body[1].Arguments);
        var context = Path.Combine(scratch, "context");
        var output = Path.Combine(scratch, "output");
        var sent = SiloDockerfiles.Ignore.CopyContext(TestPaths.RepositoryRoot, context);
        Assert.DoesNotContain(sent, p => p.Contains("/bin/", StringComparison.Ordinal) || p.Contains("/obj/", StringComparison.Ordinal));

        var command = SiloDockerfiles.PublishCommand(dockerfile);
        var folder = SiloDockerfiles.Option(command, "-o");
        var (exitCode, log) = Shell(Regex.Replace(command, $@"(?<=^|\s){Regex.Escape(folder)}(?=/|\s|$)", output), context);

        Assert.True(exitCode == 0, $"{command} failed ({exitCode}):\n{log}");
        return output;
    }

    private static List<string> AssertRunnableSilo(string output)
    {
        Assert.True(File.Exists(Path.Combine(output, "Orleans.Sentiment.Silo.dll")));
        Assert.True(File.Exists(Path.Combine(output, "libonnxruntime.so")), "ONNX Runtime's linux-x64 native library is missing.");
        Assert.False(Directory.Exists(Path.Combine(output, "runtimes")), "Other platforms' natives were published (runtimes/).");
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToList();
        Assert.DoesNotContain(files, f => f.EndsWith(".dylib", StringComparison.Ordinal));
        Assert.DoesNotContain(files.Where(f => f.EndsWith(".dll", StringComparison.Ordinal)), f => !IsManagedAssembly(f));

        var frameworks = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "Orleans.Sentiment.Silo.runtimeconfig.json")))!["runtimeOptions"]!["frameworks"]!.AsArray();
        Assert.Contains(frameworks, f => (string?)f!["name"] == "Microsoft.AspNetCore.App");
        return files;
    }

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private static (int ExitCode, string Log) Shell(string command, string workingDirectory)
    {
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        // Leave no build servers behind in the test run; they do not change what is built.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    /// <summary>False for a Windows native library (a PE file without .NET metadata).</summary>
    private static bool IsManagedAssembly(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.HasMetadata;
    }

    private static IReadOnlyList<string> ManifestResources(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var reader = new PEReader(stream);
        var metadata = reader.GetMetadataReader();
        return metadata.ManifestResources.Select(h => metadata.GetString(metadata.GetManifestResource(h).Name)).ToList();
    }
}
