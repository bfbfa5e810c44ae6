using Microsoft.ML.OnnxRuntime;

namespace Orleans.Sentiment.Inference.Execution;

/// <summary>The session options a model runs with, and the device it ended up on.</summary>
public sealed record SessionPlan(SessionOptions Options, InferenceDevice Device, int IntraOpThreads, string? FallbackReason) : IDisposable
{
    public void Dispose() => Options.Dispose();
}

/// <summary>
/// Builds ONNX Runtime session options from <see cref="OnnxClassifierOptions"/>: intra-op threads (0 = physical
/// cores), spinning, and the execution provider. A CUDA device that cannot be used gives one
/// <see cref="CudaUnavailableException"/> naming what is missing, or the CPU when fallback is allowed.
/// </summary>
public static class SessionFactory
{
    public static SessionPlan Create(OnnxClassifierOptions options)
    {
        var threads = MachineCores.Resolve(options.IntraOpThreads);
        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        try
        {
            // Spinning threads keep a core busy between calls; in a process that also serves HTTP and
            // grains they take that core from the work that feeds the model.
            sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", options.AllowSpinning ? "1" : "0");
            sessionOptions.AddSessionConfigEntry("session.inter_op.allow_spinning", options.AllowSpinning ? "1" : "0");
            if (!options.Device.IsCuda)
            {
                return new SessionPlan(sessionOptions, InferenceDevice.Cpu, threads, null);
            }

            var failure = TryAppendCuda(sessionOptions, options.Device);
            if (failure is null)
            {
                return new SessionPlan(sessionOptions, options.Device, threads, null);
            }

            if (!options.CudaFallbackToCpu)
            {
                throw failure;
            }

            // The options may hold a half-registered provider: start again on the CPU.
            sessionOptions.Dispose();
            var cpu = Create(options with { Device = InferenceDevice.Cpu });
            return cpu with { FallbackReason = failure.Message };
        }
        catch
        {
            sessionOptions.Dispose();
            throw;
        }
    }

    private static CudaUnavailableException? TryAppendCuda(SessionOptions sessionOptions, InferenceDevice device)
    {
        if (!CudaRuntimeProbe.ProviderPresent())
        {
            return new CudaUnavailableException(
                $"Inference:Device={device} needs the GPU build of ONNX Runtime, but this build carries the CPU one " +
                $"({CudaRuntimeProbe.ProviderLibrary} is not next to the application). Build or publish with " +
                "-p:OnnxRuntimeFlavor=gpu, or set Inference:Device=cpu (or Inference:CudaFallbackToCpu=true).");
        }

        try
        {
            sessionOptions.AppendExecutionProvider_CUDA(device.DeviceId);
            return null;
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            return Explain(device, e);
        }
    }

    /// <summary>One message for a CUDA provider that failed to start: the libraries that cannot be loaded, else ONNX Runtime's words.</summary>
    public static CudaUnavailableException Explain(InferenceDevice device, Exception error)
    {
        var missing = CudaRuntimeProbe.MissingLibraries();
        return missing.Count > 0
            ? new CudaUnavailableException(
                $"Inference:Device={device} needs the CUDA 13 runtime and cuDNN 9, but these libraries cannot be loaded: " +
                $"{string.Join(", ", missing)}. Install them (or put their folders on LD_LIBRARY_PATH), or set " +
                "Inference:CudaFallbackToCpu=true to run on the CPU.", error)
            : new CudaUnavailableException(
                $"Inference:Device={device}: ONNX Runtime could not start its CUDA provider: {error.Message} " +
                "Set Inference:CudaFallbackToCpu=true to run on the CPU instead.", error);
    }
}
