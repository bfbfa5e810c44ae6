using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Execution;

namespace Orleans.Sentiment.Tests.Inference.Batching;

public sealed class InferenceOptionsTests
{
    [Fact]
    public void Resolved_Defaults_ComeFromTheDevice()
    {
        var cpu = new InferenceOptions();
        var cuda = new InferenceOptions { Device = "cuda:0" };

        Assert.Equal((32, 2048, MachineCores.PhysicalCores), (cpu.ResolvedMaxBatchTexts, cpu.ResolvedMaxBatchTokens, cpu.ResolvedWorkers));
        Assert.Equal((1024, 65_536, 2), (cuda.ResolvedMaxBatchTexts, cuda.ResolvedMaxBatchTokens, cuda.ResolvedWorkers));
        Assert.Equal(TimeSpan.FromMilliseconds(2), cpu.Linger);
    }

    [Fact]
    public void ToSession_DefaultThreads_ShareTheCoresAmongTheWorkers()
    {
        Assert.Equal(1, new InferenceOptions().ToSession(null).IntraOpThreads);
        Assert.Equal(MachineCores.PhysicalCores, new InferenceOptions { Workers = 1 }.ToSession(null).IntraOpThreads);
        Assert.Equal(Math.Max(1, MachineCores.PhysicalCores / 2), new InferenceOptions { Workers = 2 }.ToSession(null).IntraOpThreads);
    }

    [Fact]
    public void ToSession_Settings_ReachTheSession()
    {
        var options = new InferenceOptions { IntraOpThreads = 3, AllowSpinning = true, CudaFallbackToCpu = true }.ToSession("quantized");

        Assert.Equal(3, options.IntraOpThreads);
        Assert.True(options.AllowSpinning);
        Assert.Equal("quantized", options.Variant);
        Assert.True(options.CudaFallbackToCpu);
    }

    [Theory]
    [InlineData("Device", "tpu", "Inference:Device")]
    [InlineData("Linger", "-00:00:01", "Inference:Linger")]
    [InlineData("MaxPadding", "-0.5", "Inference:MaxPadding")]
    [InlineData("CallTimeout", "00:00:00", "Inference:CallTimeout")]
    [InlineData("MaxQueuedTexts", "8", "Inference:MaxQueuedTexts")]
    [InlineData("IntraOpThreads", "-1", "Inference:IntraOpThreads")]
    [InlineData("MaxLoadedAdapters", "0", "Inference:MaxLoadedAdapters")]
    public void Validate_BadValue_NamesTheSetting(string property, string value, string setting)
    {
        var options = new InferenceOptions();
        var info = typeof(InferenceOptions).GetProperty(property)!;
        info.SetValue(options, info.PropertyType == typeof(TimeSpan) ? TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : info.PropertyType == typeof(int) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : info.PropertyType == typeof(double) ? double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(setting, error.Message);
    }
}
