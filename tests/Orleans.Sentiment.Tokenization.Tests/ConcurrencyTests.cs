using Orleans.Sentiment.Inference.Tokenization;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Tokenization.Tests;

/// <summary>One tokenizer serves every thread of the classifier service: its caches must not mix results up.</summary>
public sealed class ConcurrencyTests
{
    [SharedDataFact]
    public void Encode_ManyThreadsOnOneTokenizer_GivesHuggingFaceIds()
    {
        foreach (var (folder, name) in new[] { (SharedTokenizerFolders.Roberta, "twitter-roberta-base"), (SharedTokenizerFolders.DistilBert, "distilbert-base-uncased") })
        {
            var tokenizer = TokenizerLoader.Load(folder);
            var expected = ParityCases.Expected(name);
            var strings = ParityCases.HardStrings;
            var wrong = 0;

            Parallel.For(0, strings.Count * 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
            {
                var i = k % strings.Count;
                if (!tokenizer.Encode(strings[i].Text).SequenceEqual(expected.Ids[i]))
                {
                    Interlocked.Increment(ref wrong);
                }
            });

            Assert.Equal(0, wrong);
        }
    }
}
