using System.Xml.Linq;
using Orleans.Sentiment.Deployment.Tests.Docker;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Deployment.Tests;

public sealed class DockerIgnoreTests
{
    [Fact]
    public void Sends_EverythingTheSiloBuildReads_IsInTheContext()
    {
        var ignore = SiloDockerfiles.Ignore;
        var inputs = new[] { "global.json", "nuget.config", "Directory.Build.props", "Directory.Packages.props" }
            .Concat(SiloBuildInputs(Path.Combine(TestPaths.RepositoryRoot, "silo", "Orleans.Sentiment.Silo.csproj")))
            .ToList();

        Assert.Contains("data/builtin/adapters/sentiment/adapter/adapter_model.safetensors", inputs);
        foreach (var input in inputs)
        {
            Assert.True(File.Exists(Path.Combine(TestPaths.RepositoryRoot, input)), $"{input} does not exist.");
            Assert.True(ignore.Sends(input), $"{input} is read by the silo build but .dockerignore leaves it out.");
        }
    }

    [Theory]
    [InlineData(".git")]
    [InlineData("tests/Orleans.Sentiment.Tests/Orleans.Sentiment.Tests.csproj")]
    [InlineData("client/Program.cs")]
    [InlineData("src/Orleans.Sentiment.Grains/bin/Debug/net10.0/Orleans.Sentiment.Grains.dll")]
    [InlineData("silo/obj/project.assets.json")]
    [InlineData("k8s/base/kustomization.yaml")]
    [InlineData("README.md")]
    [InlineData("silo/Dockerfile.gpu")]
    [InlineData("silo/Dockerfile.trainer")]
    public void Sends_PathsTheBuildDoesNotRead_AreLeftOut(string path)
    {
        Assert.False(SiloDockerfiles.Ignore.Sends(path));
    }

    [Theory]
    [InlineData("**/bin", "a/b/bin/c.dll", false)]
    [InlineData("**/bin", "bin/c.dll", false)]
    [InlineData("**/bin", "a/binary/c.dll", true)]
    [InlineData("*", "a/b.cs", false)]
    [InlineData("*\n!a", "a/b.cs", true)]
    [InlineData("*\n!a\na/*.md", "a/b.md", false)]
    [InlineData("*\n!a\na/*.md", "a/c/b.md", true)]
    [InlineData("a?c", "abc", false)]
    public void Sends_DockerPatternSemantics_AreFollowed(string patterns, string path, bool sent)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, patterns);
            Assert.Equal(sent, DockerIgnore.Load(file).Sends(path));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Every project file reachable from the silo by ProjectReference, and each existing item they embed.</summary>
    private static IEnumerable<string> SiloBuildInputs(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            yield return Relative(current);
            var directory = Path.GetDirectoryName(current)!;
            var document = XDocument.Load(current);
            foreach (var reference in document.Descendants("ProjectReference"))
            {
                pending.Push(Path.GetFullPath(Path.Combine(directory, reference.Attribute("Include")!.Value.Replace('\\', '/'))));
            }

            foreach (var embedded in document.Descendants("EmbeddedResource").Select(e => e.Attribute("Include")?.Value).OfType<string>())
            {
                var path = Path.GetFullPath(Path.Combine(directory, embedded.Replace('\\', '/')));
                if (File.Exists(path))
                {
                    yield return Relative(path);
                }
            }
        }
    }

    private static string Relative(string path) => Path.GetRelativePath(TestPaths.RepositoryRoot, path).Replace(Path.DirectorySeparatorChar, '/');
}
