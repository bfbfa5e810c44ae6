using System.Text.Json;
using System.Xml.Linq;
using Orleans.Sentiment.Deployment.Tests.Docker;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Deployment.Tests;

/// <summary>The silo images' Dockerfiles, read as Docker reads them (no Docker engine runs here).</summary>
public sealed class DockerfileTests
{
    [Theory]
    [MemberData(nameof(SiloDockerfiles.All), MemberType = typeof(SiloDockerfiles))]
    public void From_EveryBaseImage_IsPinnedToAVersion(string path)
    {
        var stages = SiloDockerfiles.Load(path).Stages;
        var aliases = stages.Select(s => s.Alias).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.True(stages.Count >= 2, $"{path}: not multi-stage.");
        foreach (var stage in stages.Where(s => !aliases.Contains(s.Image)))
        {
            var tag = ImageReference.Parse(stage.Image).Tag;
            Assert.True(tag is not null && char.IsAsciiDigit(tag[0]), $"{path}: FROM {stage.Image} is not pinned to a version tag.");
        }
    }

    [Theory]
    [MemberData(nameof(SiloDockerfiles.All), MemberType = typeof(SiloDockerfiles))]
    public void Stages_BuildStage_PublishesForLinuxX64OnTheSdk(string path)
    {
        var dockerfile = SiloDockerfiles.Load(path);
        var build = dockerfile.Stages[0];
        var publish = SiloDockerfiles.PublishCommand(dockerfile);

        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", build.Image, StringComparison.Ordinal);
        Assert.StartsWith("dotnet publish silo/Orleans.Sentiment.Silo.csproj ", publish, StringComparison.Ordinal);
        Assert.Equal("linux-x64", SiloDockerfiles.Option(publish, "-r"));
        Assert.Equal("Release", SiloDockerfiles.Option(publish, "-c"));
        Assert.Equal("false", SiloDockerfiles.Option(publish, "--self-contained"));

        var final = dockerfile.Stages[^1];
        var copy = Assert.Single(final.All("COPY"), c => c.Arguments.StartsWith($"--from={build.Alias} ", StringComparison.Ordinal));
        Assert.Equal(SiloDockerfiles.Option(publish, "-o"), copy.Arguments.Split(' ')[1]);
    }

    [Fact]
    public void Publish_GpuImage_DiffersFromCpuOnlyInOnnxRuntimeFlavor()
    {
        var cpu = SiloDockerfiles.Cpu;
        var gpu = SiloDockerfiles.Gpu;

        Assert.Contains("-p:OnnxRuntimeFlavor=cpu", SiloDockerfiles.PublishCommand(cpu).Split(' '));
        Assert.Contains("-p:OnnxRuntimeFlavor=gpu", SiloDockerfiles.PublishCommand(gpu).Split(' '));
        Assert.Equal((cpu.Stages[0].Image, cpu.Stages[0].Alias), (gpu.Stages[0].Image, gpu.Stages[0].Alias));
        Assert.Equal(
            cpu.Stages[0].Body.Select(i => i.Arguments.Replace("OnnxRuntimeFlavor=cpu", "OnnxRuntimeFlavor=gpu", StringComparison.Ordinal)),
            gpu.Stages[0].Body.Select(i => i.Arguments));
    }

    [Fact]
    public void Publish_SiloAndGpuImages_LeaveTheTrainerOut()
    {
        Assert.Contains("-p:SentimentTrainer=false", SiloDockerfiles.PublishCommand(SiloDockerfiles.Cpu).Split(' '));
        Assert.Contains("-p:SentimentTrainer=false", SiloDockerfiles.PublishCommand(SiloDockerfiles.Gpu).Split(' '));
    }

    [Fact]
    public void Publish_TrainerImage_DiffersFromCpuOnlyInCarryingTheTrainer()
    {
        var cpu = SiloDockerfiles.Cpu;
        var trainer = SiloDockerfiles.Trainer;

        Assert.Contains("-p:SentimentTrainer=true", SiloDockerfiles.PublishCommand(trainer).Split(' '));
        Assert.Equal((cpu.Stages[0].Image, cpu.Stages[0].Alias), (trainer.Stages[0].Image, trainer.Stages[0].Alias));
        Assert.Equal(
            cpu.Stages[0].Body.Select(i => i.Arguments.Replace("SentimentTrainer=false", "SentimentTrainer=true", StringComparison.Ordinal)),
            trainer.Stages[0].Body.Select(i => i.Arguments));
        Assert.Equal(cpu.Stages[^1].Image, trainer.Stages[^1].Image);
    }

    [Fact]
    public void Runtime_TrainerImage_StartsWithTheTrainerRole()
    {
        var variables = SiloDockerfiles.Trainer.Stages[^1].All("ENV").SelectMany(e => e.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Contains("Orleans__Metadata__role=trainer", variables);
    }

    [Theory]
    [InlineData("silo/Dockerfile")]
    [InlineData("silo/Dockerfile.trainer")]
    public void Runtime_CpuImages_RunOnTheAspNetRuntime(string path)
    {
        var final = SiloDockerfiles.Load(path).Stages[^1];

        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", final.Image, StringComparison.Ordinal);
        Assert.Equal("$APP_UID", final.Last("USER")?.Arguments);
    }

    [Fact]
    public void Runtime_GpuImage_RunsOnCuda13WithCudnnAndTheSameAspNetRuntime()
    {
        var stages = SiloDockerfiles.Gpu.Stages;
        var final = stages[^1];
        var cuda = ImageReference.Parse(final.Image);

        Assert.Equal("nvidia/cuda", cuda.Repository);
        Assert.StartsWith("13.", cuda.Tag, StringComparison.Ordinal);
        Assert.Contains("-cudnn-runtime-ubuntu24.04", cuda.Tag, StringComparison.Ordinal);

        // The runtime copied in comes from the same ASP.NET image the CPU silo runs on, built for Ubuntu 24.04 (noble).
        var aspnet = Assert.Single(stages, s => s.Image.StartsWith("mcr.microsoft.com/dotnet/aspnet:", StringComparison.Ordinal));
        Assert.Equal(SiloDockerfiles.Cpu.Stages[^1].Image, aspnet.Image);
        Assert.EndsWith("-noble", aspnet.Image, StringComparison.Ordinal);
        Assert.Contains(final.All("COPY"), c => c.Arguments == $"--from={aspnet.Alias} /usr/share/dotnet /usr/share/dotnet");

        var user = final.Last("USER")?.Arguments;
        Assert.True(int.TryParse(user, out var uid) && uid > 0, $"USER {user} is not a non-root user id.");
        Assert.Contains(final.All("RUN"), r => r.Arguments.Contains($"useradd --uid {uid} ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SiloDockerfiles.All), MemberType = typeof(SiloDockerfiles))]
    public void Entrypoint_FinalStage_StartsTheSiloOnTheExposedPort(string path)
    {
        var final = SiloDockerfiles.Load(path).Stages[^1];
        var assemblyName = XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "silo", "Orleans.Sentiment.Silo.csproj"))
            .Descendants("AssemblyName").Single().Value;

        var entrypoint = JsonSerializer.Deserialize<string[]>(final.Last("ENTRYPOINT")!.Arguments)!;
        Assert.Equal(["dotnet", assemblyName + ".dll"], entrypoint);

        var urls = final.All("ENV").SelectMany(e => e.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Single(a => a.StartsWith("ASPNETCORE_URLS=", StringComparison.Ordinal))["ASPNETCORE_URLS=".Length..];
        var port = new Uri(urls.Replace("+", "host", StringComparison.Ordinal)).Port;
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), final.Last("EXPOSE")!.Arguments.Split(' '));
    }
}
