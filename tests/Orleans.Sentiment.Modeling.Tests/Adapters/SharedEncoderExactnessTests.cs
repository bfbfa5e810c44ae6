using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Adapters;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Modeling.Tests.ModelFolders;
using Orleans.Sentiment.Modeling.Tests.Synthetic;

namespace Orleans.Sentiment.Modeling.Tests.Adapters;

/// <summary>
/// One call of the shared encoder over a padded batch that mixes tenants' adapters gives each row the logits of its
/// adapter merged into a whole model (W + (alpha/r)·B·A, the head as saved), run on its own.
/// </summary>
public sealed class SharedEncoderExactnessTests : IDisposable
{
    private const double Tolerance = 1e-4;
    private readonly TemporaryFolder _folder = new();

    [Theory]
    [InlineData(TransformerFamily.Bert)]
    [InlineData(TransformerFamily.DistilBert)]
    [InlineData(TransformerFamily.Roberta)]
    public void Run_MixedAdaptersInOnePaddedBatch_EqualsEachMergedClassifierWithin1e4(TransformerFamily family) =>
        AssertMixedBatchMatchesMergedModels(family, "cls");

    [Fact]
    public void Run_MixedMeanPoolingHeads_EqualsEachMergedMeanPoolingModelWithin1e4() =>
        AssertMixedBatchMatchesMergedModels(TransformerFamily.Bert, "mean");

    [Fact]
    public void Decode_RankAboveTheBank_IsRefusedNamingTheRank()
    {
        var weights = SynthWeightsGenerator.Generate(TinyShapes.For(TransformerFamily.Bert), TestAdapters.Labels, TinyShapes.Strict());
        using var session = SharedSession(weights, capacity: 2);
        var artifact = TestAdapters.Write(_folder.Combine("r16"), weights.Shape, seed: 1, rank: 16);

        var error = Assert.Throws<InvalidDataException>(() => Decode(session, artifact, "v1"));

        Assert.Contains("r=16 is above the shared encoder's bank rank 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BytesPerSlot_AtMiniLmShape_IsAtMostTwoMegabytes()
    {
        var layout = LoraBankLayout.QueryValue(MiniLmModel.Shape);
        using var bank = new AdapterBank(layout.Modules.ToDictionary(m => m, _ => (MiniLmModel.Shape.Hidden, MiniLmModel.Shape.Hidden)), layout.Rank, capacity: 1);

        // 6 layers × (query, value) × (384·8 + 8·384) floats.
        Assert.Equal(6 * 2 * (384 * 8 * 2) * sizeof(float), bank.BytesPerSlot);
        Assert.True(bank.BytesPerSlot <= 2 * 1024 * 1024, $"{bank.BytesPerSlot} bytes per slot");
    }

    public void Dispose() => _folder.Dispose();

    private void AssertMixedBatchMatchesMergedModels(TransformerFamily family, string pooling)
    {
        var (weights, baseFolder) = BaseModel(family);
        var shape = weights.Shape;
        var encoder = new PretrainedEncoder(shape, weights.Tensors, baseFolder);
        using var session = SharedSession(weights, capacity: 4);
        // A head-only version (slot 0, the base encoder), a rank-8 one and a rank-4 one (zero-padded into the bank).
        (string Folder, int Rank)[] folders = [(_folder.Combine("a0"), 0), (_folder.Combine("a1"), 8), (_folder.Combine("a2"), 4)];
        var adapters = folders.Select((f, i) => Decode(session, TestAdapters.Write(f.Folder, shape, seed: 10 + i, rank: f.Rank, pooling: pooling), $"v{i}")).ToArray();
        var sequences = TestAdapters.Sequences(shape, seed: 5, 7, 3, 12, 5);
        int[] rowAdapter = [0, 1, 2, 1];

        var predictions = session.Run([.. sequences.Select((ids, row) => (ids, adapters[rowAdapter[row]]))]);

        Assert.True(adapters[1].HasLora && !adapters[0].HasLora);
        for (var a = 0; a < adapters.Length; a++)
        {
            var expected = MergedLogits(encoder, folders[a].Folder, pooling, sequences);
            for (var row = 0; row < sequences.Length; row++)
            {
                if (rowAdapter[row] == a)
                {
                    var difference = TestAdapters.MaxDifference(expected[row], predictions[row].Logits);
                    Assert.True(difference <= Tolerance, $"{family} {pooling}: row {row} (adapter {a}) differs from its merged model by {difference:E3}");
                }
            }
        }

        // Each prediction carries its pass's sentence embedding (for themes): row 0 ran on the base encoder (slot 0).
        Assert.All(predictions, p => Assert.Equal(session.Hidden, p.Embedding!.Length));
        var alone = session.Encode([(sequences[0], 0)]).Mean;
        Assert.True(TestAdapters.MaxDifference(alone, predictions[0].Embedding!) <= Tolerance, $"{family} {pooling}: row 0's embedding differs from its pass run alone");

        var unadapted = MergedLogits(encoder, folders[1].Folder, pooling, sequences, merge: false);
        Assert.True(TestAdapters.MaxDifference(unadapted[1], predictions[1].Logits) > 1e-3, "the LoRA branch changes the logits, so the comparison means something");
    }

    /// <summary>The logits of the adapter merged into a whole model, run alone on every sequence.</summary>
    private float[][] MergedLogits(PretrainedEncoder encoder, string adapterFolder, string pooling, int[][] sequences, bool merge = true)
    {
        var shape = encoder.Shape;
        var names = new ParameterNames(shape.Family);
        var adapter = PeftAdapter.Read(adapterFolder);
        if (!merge)
        {
            adapter = adapter with { Tensors = adapter.Tensors.Where(t => !t.Key.Contains(".lora_", StringComparison.Ordinal)).ToDictionary() };
        }

        if (pooling == "mean")
        {
            // The merge checks for the family's sequence head, which a mean-pooling head does not use: lend it the base's.
            adapter = adapter with { Tensors = new Dictionary<string, WeightTensor>(adapter.Tensors.Concat(HeadOf(encoder, names))) };
        }

        var merged = adapter.Merge(encoder);
        if (pooling == "cls" && shape.Family != TransformerFamily.Roberta)
        {
            // The whole-model path of the product: a classifier folder run by OnnxTextClassifier.
            var folder = _folder.Combine("merged-" + Guid.NewGuid().ToString("N"));
            SequenceClassifierWriter.Write(folder, encoder, merged, TestAdapters.Labels, ProblemType.SingleLabel, "base", new JsonObject());
            using var classifier = OnnxTextClassifier.Load("merged", folder);
            return [.. classifier.Run(sequences).Select(p => p.Logits)];
        }

        // RoBERTa needs a byte-level BPE tokenizer for a folder; its graph is the one such a folder would hold.
        var all = new SynthWeights(shape, TestAdapters.Labels);
        foreach (var (name, tensor) in merged)
        {
            all.Set(name, tensor);
        }

        using var runner = new OnnxRunner(TransformerGraphWriter.Build(all, pooling == "cls" ? TransformerHead.SequenceClassification : TransformerHead.MeanPooling));
        return runner.Run(sequences, shape.PadTokenId);
    }

    private static IEnumerable<KeyValuePair<string, WeightTensor>> HeadOf(PretrainedEncoder encoder, ParameterNames names) =>
        new[] { names.HeadDense + ".weight", names.HeadDense + ".bias" }.Select(n => KeyValuePair.Create(n, encoder.Weights[n]));

    private (SynthWeights Weights, string Folder) BaseModel(TransformerFamily family)
    {
        if (family == TransformerFamily.Roberta)
        {
            return (SynthWeightsGenerator.Generate(TinyShapes.For(family), TestAdapters.Labels, TinyShapes.Strict()), "");
        }

        var folder = _folder.Combine("base-" + family);
        return (TinyFolders.Write(folder, family), folder);
    }

    internal static AdapterEncoderSession SharedSession(SynthWeights weights, int capacity) =>
        AdapterEncoderSession.FromGraph(
            TransformerGraphWriter.BuildAdapterEncoder(TestAdapters.EncoderOnly(weights), LoraBankLayout.QueryValue(weights.Shape)), weights.Shape.PadTokenId, capacity);

    internal static TenantAdapter Decode(AdapterEncoderSession session, AdapterArtifact artifact, string version, string name = "acme:m") =>
        TenantAdapter.Decode(new AdapterModelVersion(name, version, "base"), artifact, session.Family, session.Bank.Modules, session.Bank.Rank);
}
