using System.Runtime.InteropServices;

namespace Orleans.Sentiment.Inference.Execution;

/// <summary>
/// Names the CUDA libraries ONNX Runtime's CUDA provider (1.31, built for CUDA 13 and cuDNN 9) needs and this
/// process cannot load, so a missing runtime gives one message that says what to install or put on the path.
/// </summary>
public static class CudaRuntimeProbe
{
    /// <summary>
    /// What libonnxruntime_providers_cuda.so 1.31 links against (readelf NEEDED: the driver's libcuda, CUDA 13's
    /// runtime, cuBLAS/cuBLASLt and cuRAND) plus cuDNN 9, which it opens when a session starts.
    /// </summary>
    public static IReadOnlyList<string> RequiredLibraries { get; } =
    [
        "libcuda.so.1",
        "libcudart.so.13",
        "libcublas.so.13",
        "libcublasLt.so.13",
        "libcurand.so.10",
        "libcudnn.so.9",
    ];

    /// <summary>The provider library of the GPU build of ONNX Runtime.</summary>
    public const string ProviderLibrary = "libonnxruntime_providers_cuda.so";

    /// <summary>Required libraries that cannot be loaded here (empty when all load).</summary>
    public static IReadOnlyList<string> MissingLibraries(IEnumerable<string>? candidates = null) =>
        [.. (candidates ?? RequiredLibraries).Where(name => !CanLoad(name))];

    /// <summary>Whether this build carries the CUDA provider next to the ONNX Runtime library.</summary>
    public static bool ProviderPresent()
    {
        var baseDirectory = AppContext.BaseDirectory;
        string[] places =
        [
            Path.Combine(baseDirectory, ProviderLibrary),
            Path.Combine(baseDirectory, "runtimes", "linux-x64", "native", ProviderLibrary),
        ];
        return places.Any(File.Exists);
    }

    private static bool CanLoad(string name)
    {
        if (!NativeLibrary.TryLoad(name, out var handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    }
}
