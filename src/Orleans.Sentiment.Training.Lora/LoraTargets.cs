using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Training.Lora;

/// <summary>
/// Which modules get LoRA branches and which are trained in full, per family, as PEFT decides for
/// <c>task_type=SEQ_CLS</c>: default targets are the query and value projections (<c>query</c>/<c>value</c>,
/// DistilBERT's <c>q_lin</c>/<c>v_lin</c>); the classification head is trained in full and saved whole
/// (PEFT's <c>modules_to_save</c>): <c>classifier</c>, plus BERT's <c>pooler</c> and DistilBERT's <c>pre_classifier</c>.
/// </summary>
public static class LoraTargets
{
    public static IReadOnlyList<string> DefaultTargets(TransformerFamily family) =>
        family == TransformerFamily.DistilBert ? ["q_lin", "v_lin"] : ["query", "value"];

    /// <summary>PEFT's <c>modules_to_save</c> entries (module names) for the family; a mean-pooled head saves only the classifier.</summary>
    public static IReadOnlyList<string> ModulesToSave(TransformerFamily family, HeadPooling pooling = HeadPooling.Cls) => pooling == HeadPooling.Mean ? [TransformerGraphWriter.MeanHeadOutput] : family switch
    {
        TransformerFamily.Bert => ["classifier", "score", "pooler"],
        TransformerFamily.DistilBert => ["classifier", "score", "pre_classifier"],
        _ => ["classifier", "score"],
    };

    /// <summary>The dense layers trained in full (parameter names without .weight/.bias).</summary>
    public static IReadOnlyList<string> FullyTrained(ParameterNames names, HeadPooling pooling = HeadPooling.Cls) =>
        pooling == HeadPooling.Mean ? [TransformerGraphWriter.MeanHeadOutput] : [names.HeadDense, names.HeadOutput];

    /// <summary>Every encoder Linear whose name equals a target or ends with "." + target, as PEFT matches target_modules.</summary>
    public static IReadOnlyList<string> Resolve(TransformerShape shape, IReadOnlyList<string> targets)
    {
        var names = new ParameterNames(shape.Family);
        var linears = Enumerable.Range(0, shape.Layers).SelectMany(layer => new[]
        {
            names.Query(layer), names.Key(layer), names.Value(layer), names.AttentionOutput(layer), names.FeedForwardIn(layer), names.FeedForwardOut(layer),
        });
        var matched = linears.Where(module => targets.Any(t => module == t || module.EndsWith("." + t, StringComparison.Ordinal))).ToList();
        if (matched.Count == 0)
        {
            throw new ArgumentException($"--lora-targets {string.Join(",", targets)} matches no Linear module of this {shape.Family} model (e.g. {names.Query(0)}).");
        }

        return matched;
    }

    /// <summary>Encoder parameter names, as the weights of a family's model hold them.</summary>
    public static IEnumerable<string> EncoderParameters(TransformerShape shape) => PretrainedEncoder.EncoderParameterNames(shape, new ParameterNames(shape.Family));
}
