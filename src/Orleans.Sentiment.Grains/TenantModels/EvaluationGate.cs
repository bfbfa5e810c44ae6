using Orleans.Sentiment.Contracts.TenantModels;

namespace Orleans.Sentiment.Grains.TenantModels;

/// <summary>
/// Whether a version may replace the serving one: its held-out macro-F1 may be lower than the serving version's by at
/// most <c>Training:MaxRegression</c>. With nothing serving (or a serving version without figures) any trained version passes.
/// </summary>
public static class EvaluationGate
{
    /// <summary>The figures of a refusal, or null when <paramref name="candidate"/> passes.</summary>
    public static GateFigures? Refusal(ModelVersion candidate, ModelVersion? active, double maxRegression)
    {
        if (active is null || active.VersionId == candidate.VersionId || active.Training is not { } serving || candidate.Training is not { } trained)
        {
            return null;
        }

        // A tiny tolerance, so that figures equal up to rounding never refuse at exactly the allowed regression.
        return trained.HeldOutMacroF1 + 1e-12 < serving.HeldOutMacroF1 - maxRegression
            ? new GateFigures(candidate.VersionId, trained.HeldOutMacroF1, active.VersionId, serving.HeldOutMacroF1, maxRegression)
            : null;
    }
}
