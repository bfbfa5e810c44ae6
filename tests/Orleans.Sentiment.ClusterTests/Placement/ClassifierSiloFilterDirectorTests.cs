using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;
using Orleans.Sentiment.Grains.Placement;

namespace Orleans.Sentiment.ClusterTests.Placement;

public sealed class ClassifierSiloFilterDirectorTests
{
    private static readonly SiloAddress Ingest = Silo(1);
    private static readonly SiloAddress Classifier = Silo(2);
    private static readonly SiloAddress All = Silo(3);
    private static readonly SiloAddress Unknown = Silo(4);

    [Fact]
    public void Filter_MixedRoles_KeepsClassifierAndAllSilosWhoeverCalls()
    {
        var director = Director(fallback: true);

        var chosen = director.Filter(new ClassifierSiloFilterStrategy(), default, [Ingest, Classifier, All, Unknown]);

        Assert.Equal([Classifier, All], chosen);
    }

    [Fact]
    public void Filter_OnlyIngestSilosWithFallback_ReturnsEverySilo()
    {
        var director = Director(fallback: true);

        var chosen = director.Filter(new ClassifierSiloFilterStrategy(), default, [Ingest, Unknown]);

        Assert.Equal([Ingest, Unknown], chosen);
    }

    [Fact]
    public void Filter_OnlyIngestSilosWithoutFallback_FailsNamingTheSettings()
    {
        var director = Director(fallback: false);

        var failure = Assert.Throws<OrleansException>(() => director.Filter(new ClassifierSiloFilterStrategy(), default, [Ingest]).ToArray());

        Assert.Contains("Orleans:Metadata:role", failure.Message);
        Assert.Contains("Placement:FallbackToAnySilo", failure.Message);
    }

    private static ClassifierSiloFilterDirector Director(bool fallback) => new(
        new FakeMetadata(new Dictionary<SiloAddress, string>
        {
            [Ingest] = SiloRoles.Ingest,
            [Classifier] = SiloRoles.Classifier,
            [All] = SiloRoles.All,
        }),
        Microsoft.Extensions.Options.Options.Create(new PlacementOptions { FallbackToAnySilo = fallback }),
        NullLogger<ClassifierSiloFilterDirector>.Instance);

    private static SiloAddress Silo(int n) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11110 + n), n);

    private sealed class FakeMetadata(Dictionary<SiloAddress, string> roles) : ISiloMetadataCache
    {
        public SiloMetadata GetSiloMetadata(SiloAddress siloAddress)
        {
            var metadata = new SiloMetadata();
            if (roles.TryGetValue(siloAddress, out var role))
            {
                // SiloMetadata's setter is private: the runtime fills it from configuration.
                typeof(SiloMetadata).GetProperty(nameof(SiloMetadata.Metadata))!.SetValue(metadata, ImmutableDictionary<string, string>.Empty.Add(SiloRoles.MetadataKey, role));
            }

            return metadata;
        }
    }
}
