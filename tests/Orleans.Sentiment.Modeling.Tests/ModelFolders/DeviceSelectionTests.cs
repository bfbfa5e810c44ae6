using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Execution;

namespace Orleans.Sentiment.Modeling.Tests.ModelFolders;

/// <summary>The CPU build on a machine without CUDA: asking for a GPU fails with one clear message, or falls back when allowed.</summary>
public sealed class DeviceSelectionTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_CudaDeviceOnCpuBuild_ThrowsOneMessageNamingWhatIsMissing()
    {
        TinyFolders.Write(_folder.Path);

        var error = Assert.Throws<CudaUnavailableException>(() =>
            OnnxTextClassifier.Load("tiny", _folder.Path, new OnnxClassifierOptions { Device = InferenceDevice.Parse("cuda:1") }));

        Assert.Contains("Inference:Device=cuda:1", error.Message);
        Assert.Contains(CudaRuntimeProbe.ProviderLibrary, error.Message);
        Assert.Contains("-p:OnnxRuntimeFlavor=gpu", error.Message);
        Assert.Contains("Inference:CudaFallbackToCpu", error.Message);
    }

    [Fact]
    public void Load_CudaDeviceWithFallback_RunsOnCpuAndSaysWhy()
    {
        TinyFolders.Write(_folder.Path);

        using var classifier = OnnxTextClassifier.Load("tiny", _folder.Path,
            new OnnxClassifierOptions { Device = InferenceDevice.Parse("cuda"), CudaFallbackToCpu = true });

        Assert.Equal(InferenceDevice.Cpu, classifier.Device);
        Assert.Contains(CudaRuntimeProbe.ProviderLibrary, classifier.FallbackReason);
        Assert.Single(classifier.Classify(["still classified"]));
    }

    [Fact]
    public void Load_DefaultThreads_UsesPhysicalCores()
    {
        TinyFolders.Write(_folder.Path);

        using var classifier = OnnxTextClassifier.Load("tiny", _folder.Path);

        Assert.Equal(MachineCores.PhysicalCores, classifier.IntraOpThreads);
        Assert.InRange(MachineCores.PhysicalCores, 1, Environment.ProcessorCount);
    }

    [Fact]
    public void MissingLibraries_NamesOnlyTheOnesThatCannotLoad()
    {
        var missing = CudaRuntimeProbe.MissingLibraries(["libc.so.6", "libcudart-does-not-exist.so.13"]);

        Assert.Equal(["libcudart-does-not-exist.so.13"], missing);
    }

    [Theory]
    [InlineData("cpu", false, 0)]
    [InlineData("", false, 0)]
    [InlineData("cuda", true, 0)]
    [InlineData("CUDA:3", true, 3)]
    public void Parse_DeviceNames_GiveKindAndNumber(string text, bool cuda, int id)
    {
        var device = InferenceDevice.Parse(text);

        Assert.Equal(cuda, device.IsCuda);
        Assert.Equal(id, device.DeviceId);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    public void Parse_UnknownDevice_ThrowsNamingTheSetting(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => InferenceDevice.Parse(text));

        Assert.Contains("Inference:Device", error.Message);
    }
}
