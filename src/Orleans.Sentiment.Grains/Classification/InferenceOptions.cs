using System.ComponentModel.DataAnnotations;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Execution;

namespace Orleans.Sentiment.Grains.Classification;

/// <summary>
/// How the silo runs its models (configuration section "Inference"). Zero means "from the machine" where
/// noted: the device and the number of physical cores choose the value.
/// </summary>
public sealed class InferenceOptions : IValidatableObject
{
    public const string Section = "Inference";

    /// <summary><c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public string Device { get; set; } = "cpu";

    /// <summary>Run on the CPU when the CUDA device cannot be used (otherwise the silo refuses to start).</summary>
    public bool CudaFallbackToCpu { get; set; }

    /// <summary>
    /// Most texts in one model call; 0: 32 on the CPU, 1024 on CUDA. On a CPU a call of ~1,000 tokens already
    /// keeps the cores busy, and smaller calls drawn from a deeper queue group lengths more tightly.
    /// </summary>
    public int MaxBatchTexts { get; set; }

    /// <summary>Most padded tokens (texts × longest) in one model call; 0: 2048 on the CPU, 65536 on CUDA.</summary>
    public int MaxBatchTokens { get; set; }

    /// <summary>Most padding per model call as a fraction of its real tokens; longer texts wait for a call of their own length.</summary>
    public double MaxPadding { get; set; } = 0.1;

    /// <summary>How long an idle worker waits for more texts before starting a call that is not full.</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// Model calls run at the same time; 0: one per physical core on the CPU, 2 on CUDA. On a CPU, single-threaded
    /// calls side by side beat one call split across the cores: the cores never wait for each other inside an
    /// operator, and a core taken by HTTP or the grains stalls one call, not all of them.
    /// </summary>
    public int Workers { get; set; }

    /// <summary>ONNX Runtime intra-op threads per model call; 0: the physical cores shared out among the workers (at least one).</summary>
    public int IntraOpThreads { get; set; }

    /// <summary><see cref="Workers"/> with the machine default filled in.</summary>
    public int ResolvedWorkers => Workers > 0 ? Workers : ParsedDevice.IsCuda ? 2 : MachineCores.PhysicalCores;

    /// <summary><see cref="IntraOpThreads"/> with the machine default filled in.</summary>
    public int ResolvedIntraOpThreads => IntraOpThreads > 0 ? IntraOpThreads : Math.Max(1, MachineCores.PhysicalCores / ResolvedWorkers);

    /// <summary>Let ONNX Runtime's threads spin between calls (faster alone, slower next to HTTP and grains).</summary>
    public bool AllowSpinning { get; set; }

    /// <summary>Most texts waiting for the model; beyond it classifier calls fail at once (the caller retries, HTTP 503).</summary>
    public int MaxQueuedTexts { get; set; } = 20_000;

    /// <summary>Longest a classifier call may wait and run; its texts still queued then are dropped. Below Orleans' 30 s response timeout, so work whose caller gave up is not run.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>Folder for models the silo builds itself (the built-in models); empty uses the user's cache folder.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>The parsed <see cref="Device"/>.</summary>
    public InferenceDevice ParsedDevice => InferenceDevice.Parse(Device);

    /// <summary>The batching service's settings with the machine defaults filled in.</summary>
    public BatchingOptions ToBatching()
    {
        var cuda = ParsedDevice.IsCuda;
        return new BatchingOptions
        {
            MaxBatchTexts = MaxBatchTexts > 0 ? MaxBatchTexts : cuda ? 1024 : 32,
            MaxBatchTokens = MaxBatchTokens > 0 ? MaxBatchTokens : cuda ? 65_536 : 2048,
            MaxPadding = MaxPadding,
            Linger = Linger,
            Workers = ResolvedWorkers,
            MaxQueuedTexts = MaxQueuedTexts,
            CallTimeout = CallTimeout,
        };
    }

    /// <summary>How each model's session is built; <paramref name="variant"/> picks the ONNX file.</summary>
    public OnnxClassifierOptions ToClassifier(string? variant)
    {
        var batching = ToBatching();
        return new OnnxClassifierOptions
        {
            IntraOpThreads = ResolvedIntraOpThreads,
            AllowSpinning = AllowSpinning,
            MaxBatchSize = batching.MaxBatchTexts,
            MaxBatchTokens = batching.MaxBatchTokens,
            Device = ParsedDevice,
            CudaFallbackToCpu = CudaFallbackToCpu,
            Variant = variant,
        };
    }

    /// <summary>Throws with a message naming the setting when a value cannot work.</summary>
    public void Validate()
    {
        if (Validate(new ValidationContext(this)).FirstOrDefault() is { } error)
        {
            throw new ArgumentException(error.ErrorMessage);
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var errors = new List<ValidationResult>();
        Check(errors, () => _ = ParsedDevice);
        Check(errors, () => ToBatching().Validate());
        if (MaxBatchTexts < 0 || MaxBatchTokens < 0 || Workers < 0)
        {
            errors.Add(new ValidationResult("Inference:MaxBatchTexts, Inference:MaxBatchTokens and Inference:Workers must be 0 (from the machine) or more."));
        }

        if (IntraOpThreads is < 0 or > 1024)
        {
            errors.Add(new ValidationResult($"Inference:IntraOpThreads must be between 0 (physical cores) and 1024; it is {IntraOpThreads}."));
        }

        return errors;
    }

    private static void Check(List<ValidationResult> errors, Action check)
    {
        try
        {
            check();
        }
        catch (ArgumentException e)
        {
            errors.Add(new ValidationResult(e.Message));
        }
    }
}
