using Orleans.Sentiment.Deployment.Tests.Kustomize;

namespace Orleans.Sentiment.Deployment.Tests;

public sealed class ImageTests
{
    [KubectlTheory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void Images_EveryContainer_PinsATagOtherThanLatest(string overlay)
    {
        var containers = Overlays.Render(overlay).AllContainers.ToList();

        Assert.NotEmpty(containers);
        foreach (var container in containers)
        {
            var reference = ImageReference.Parse(container.Image);
            Assert.True(reference.Digest is not null || reference.Tag is not null, $"{container.Name}: image {container.Image} has no tag.");
            Assert.False(string.Equals(reference.Tag, "latest", StringComparison.OrdinalIgnoreCase), $"{container.Name}: image {container.Image} uses latest.");
        }
    }

    [Theory]
    [InlineData("orleans-sentiment/silo:0.1.0", "orleans-sentiment/silo", "0.1.0")]
    [InlineData("registry.local:5000/silo", "registry.local:5000/silo", null)]
    [InlineData("nats", "nats", null)]
    [InlineData("redis:latest", "redis", "latest")]
    public void Parse_ImageReference_SplitsRepositoryAndTag(string image, string repository, string? tag)
    {
        var reference = ImageReference.Parse(image);

        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag);
    }
}

/// <summary>repository[:tag][@digest]; a colon before the last slash belongs to a registry port.</summary>
internal sealed record ImageReference(string Repository, string? Tag, string? Digest)
{
    public static ImageReference Parse(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var digest = at >= 0 ? image[(at + 1)..] : null;
        var name = at >= 0 ? image[..at] : image;
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/')
            ? new ImageReference(name[..colon], name[(colon + 1)..], digest)
            : new ImageReference(name, null, digest);
    }
}
