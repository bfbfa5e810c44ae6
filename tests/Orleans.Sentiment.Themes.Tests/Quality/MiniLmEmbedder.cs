using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Adapters;
using Orleans.Sentiment.Modeling.Pretrained;

namespace Orleans.Sentiment.Themes.Tests.Quality;

/// <summary>
/// Mean-pooled last hidden states of all-MiniLM-L6-v2 for texts: the shared encoder graph the silo serves tenant
/// adapters with (slot 0 is the bare base encoder), built into a temporary cache from the package's weights.
/// </summary>
internal sealed class MiniLmEmbedder : ITextEmbedder
{
    private const int BatchSize = 32;
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "themes-minilm-" + Guid.NewGuid().ToString("N"));
    private readonly AdapterEncoderSession _session;

    public MiniLmEmbedder()
    {
        var baseFolder = MiniLmModel.EnsureExtracted(_cache);
        _session = AdapterEncoderSession.Load(AdapterEncoderFolder.Ensure(baseFolder, _cache), new OnnxClassifierOptions { IntraOpThreads = Environment.ProcessorCount }, capacity: 1);
    }

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        var ids = texts.Select(_session.Encode).ToArray();
        var embeddings = new float[texts.Count][];
        // Texts of similar length share a call, so little of each call is padding.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => ids[i].Length).ToArray();
        foreach (var batch in order.Chunk(BatchSize))
        {
            var (_, mean) = _session.Encode([.. batch.Select(i => (ids[i], 0))]);
            for (var b = 0; b < batch.Length; b++)
            {
                embeddings[batch[b]] = mean.AsSpan(b * _session.Hidden, _session.Hidden).ToArray();
            }
        }

        return embeddings;
    }

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_cache, recursive: true);
    }
}
