using System.ComponentModel.DataAnnotations;
using Orleans.Sentiment.Inference.Execution;

namespace Orleans.Sentiment.Inference;

/// <summary>
/// How a process runs its models (configuration section "Inference"): the device, the sessions' threads, and how the
/// batching service gathers texts into model calls. The one owner of these settings; zero means "from the machine"
/// where noted (the device and the number of physical cores choose the value).
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

    /// <summary>
    /// Most padding a call may carry, as a fraction of its real tokens, before a longer text is left for a later call;
    /// a call of fewer than a quarter of the most texts is never cut for padding.
    /// </summary>
    public double MaxPadding { get; set; } = 0.1;

    /// <summary>How long an idle worker waits for more texts before starting a call that is not full: light load keeps its latency.</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// Model calls run at the same time; 0: one per physical core on the CPU, 2 on CUDA. On a CPU, single-threaded
    /// calls side by side beat one call split across the cores: the cores never wait for each other inside an
    /// operator, and a core taken by HTTP or the grains stalls one call, not all of them.
    /// </summary>
    public int Workers { get; set; }

    /// <summary>ONNX Runtime intra-op threads per model call; 0: the physical cores shared out among the workers (at least one).</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Let ONNX Runtime's threads spin between calls (faster alone, slower next to HTTP and grains).</summary>
    public bool AllowSpinning { get; set; }

    /// <summary>Most texts waiting for the model; beyond it calls fail at once (the caller retries, HTTP 503).</summary>
    public int MaxQueuedTexts { get; set; } = 20_000;

    /// <summary>Longest a call may wait and run; its texts still queued then are dropped. Below Orleans' 30 s response timeout, so work whose caller gave up is not run.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// Tenant model adapters each base model's shared encoder holds at once (LRU beyond it). Each costs its LoRA slot
    /// (0.29 MB at MiniLM's shape) and its head; the slots are allocated when the first tenant model of a base model runs.
    /// </summary>
    public int MaxLoadedAdapters { get; set; } = 128;

    /// <summary>Folder for models the process builds itself (the built-in models); empty uses the user's data folder.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>The parsed <see cref="Device"/>.</summary>
    public InferenceDevice ParsedDevice => InferenceDevice.Parse(Device);

    /// <summary><see cref="MaxBatchTexts"/> with the device default filled in.</summary>
    public int ResolvedMaxBatchTexts => MaxBatchTexts > 0 ? MaxBatchTexts : ParsedDevice.IsCuda ? 1024 : 32;

    /// <summary><see cref="MaxBatchTokens"/> with the device default filled in.</summary>
    public int ResolvedMaxBatchTokens => MaxBatchTokens > 0 ? MaxBatchTokens : ParsedDevice.IsCuda ? 65_536 : 2048;

    /// <summary><see cref="Workers"/> with the machine default filled in.</summary>
    public int ResolvedWorkers => Workers > 0 ? Workers : ParsedDevice.IsCuda ? 2 : MachineCores.PhysicalCores;

    /// <summary><see cref="IntraOpThreads"/> with the machine default filled in.</summary>
    public int ResolvedIntraOpThreads => IntraOpThreads > 0 ? IntraOpThreads : Math.Max(1, MachineCores.PhysicalCores / ResolvedWorkers);

    /// <summary>Texts a call holds before <see cref="MaxPadding"/> may cut it; also the most a lane may queue to count as light.</summary>
    public int MinBatchTextsBeforePaddingCut => Math.Max(1, ResolvedMaxBatchTexts / 4);

    /// <summary>
    /// Most texts one lane (tenant) may have waiting: three quarters of <see cref="MaxQueuedTexts"/>, so a tenant that
    /// floods the queue still leaves room for the others' texts.
    /// </summary>
    public int MaxQueuedTextsPerLane => MaxQueuedTexts - MaxQueuedTexts / 4;

    /// <summary>How each model's session is built; <paramref name="variant"/> picks the ONNX file.</summary>
    public OnnxClassifierOptions ToSession(string? variant) => new()
    {
        IntraOpThreads = ResolvedIntraOpThreads,
        AllowSpinning = AllowSpinning,
        Device = ParsedDevice,
        CudaFallbackToCpu = CudaFallbackToCpu,
        Variant = variant,
    };

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
        try
        {
            _ = ParsedDevice;
        }
        catch (ArgumentException e)
        {
            errors.Add(new ValidationResult(e.Message));
            return errors;
        }

        void Require(bool ok, string setting, string rule, object value)
        {
            if (!ok)
            {
                errors.Add(new ValidationResult($"{setting} must be {rule}; it is {value}."));
            }
        }

        Require(MaxBatchTexts is >= 0 and <= 65_536, "Inference:MaxBatchTexts", "0 (from the device) or between 1 and 65536", MaxBatchTexts);
        Require(MaxBatchTokens is >= 0 and <= 16_777_216, "Inference:MaxBatchTokens", "0 (from the device) or between 1 and 16777216", MaxBatchTokens);
        Require(MaxPadding is >= 0 and <= 100, "Inference:MaxPadding", "between 0 and 100 (a fraction of the real tokens)", MaxPadding);
        Require(Linger >= TimeSpan.Zero && Linger <= TimeSpan.FromSeconds(1), "Inference:Linger", "between 00:00:00 and 00:00:01", Linger);
        Require(Workers is >= 0 and <= 256, "Inference:Workers", "0 (from the machine) or between 1 and 256", Workers);
        Require(IntraOpThreads is >= 0 and <= 1024, "Inference:IntraOpThreads", "between 0 (physical cores) and 1024", IntraOpThreads);
        Require(MaxQueuedTexts >= ResolvedMaxBatchTexts && MaxQueuedTexts <= 10_000_000, "Inference:MaxQueuedTexts", $"at least Inference:MaxBatchTexts ({ResolvedMaxBatchTexts}) and at most 10000000", MaxQueuedTexts);
        Require(MaxLoadedAdapters is >= 1 and <= 100_000, "Inference:MaxLoadedAdapters", "between 1 and 100000", MaxLoadedAdapters);
        Require(CallTimeout > TimeSpan.Zero && CallTimeout <= TimeSpan.FromHours(1), "Inference:CallTimeout", "more than zero and at most 01:00:00", CallTimeout);
        return errors;
    }
}
