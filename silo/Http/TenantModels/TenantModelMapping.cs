using System.Xml;
using Orleans.Sentiment.Contracts.TenantModels;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Silo.Http.TenantModels;

/// <summary>Tenant models as the HTTP API shows them: statuses as lower-case words, durations as ISO 8601.</summary>
internal static class TenantModelMapping
{
    public static TenantModelDto ToDto(this TenantModelSnapshot m) =>
        new(m.Model, m.QualifiedName, m.Definition.Labels, m.Definition.MultiLabel, m.Definition.BaseModel, m.CreatedAt, m.ActiveVersion,
            [.. m.Versions.Select(v => v.ToDto())]);

    public static ModelVersionDto ToDto(this ModelVersion v) =>
        new(v.VersionId, v.Status.ToString().ToLowerInvariant(), v.CreatedAt, v.JobId, v.AutoActivate, v.FailureReason, v.FinishedAt,
            v.ActivatedAt, v.ActivationNote, v.ArtifactBytes, v.Training?.ToDto());

    public static VersionTrainingDto ToDto(this VersionTraining t) =>
        new(t.Method, t.HeldOutMacroF1, t.CorrectionsMacroF1, t.LabelF1, t.TrainExamples, t.ValidationExamples, t.TestExamples, t.Steps,
            XmlConvert.ToString(t.Duration), t.Options, t.Seed);

    public static GateFiguresDto ToDto(this GateFigures g) => new(g.CandidateVersion, g.CandidateMacroF1, g.ActiveVersion, g.ActiveMacroF1, g.MaxRegression);

    public static ExampleDto ToDto(this StoredExample e) => new(e.Id, e.Text, e.Labels, e.IsCorrection, e.AddedAt);
}
