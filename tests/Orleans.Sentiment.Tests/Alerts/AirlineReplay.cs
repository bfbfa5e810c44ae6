using System.Globalization;
using Orleans.Sentiment.Data;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.BuiltIn;

namespace Orleans.Sentiment.Tests.Alerts;

/// <summary>
/// The shared airline tweets, classified once by the built-in sentiment model, as one time-ordered stream per airline:
/// what a replay with <c>--source-column airline --time-column tweet_created</c> feeds each source.
/// </summary>
internal sealed class AirlineReplay
{
    public sealed record Tweet(string Id, DateTimeOffset At, IReadOnlyDictionary<string, Prediction> Predictions, bool Negative);

    public IReadOnlyDictionary<string, IReadOnlyList<Tweet>> ByAirline { get; }

    private AirlineReplay(IReadOnlyDictionary<string, IReadOnlyList<Tweet>> byAirline) => ByAirline = byAirline;

    public static AirlineReplay Load(string sharedData)
    {
        var file = Path.Combine(sharedData, "airline", "train.csv");
        Dictionary<int, string?> Column(string column) => InputFileReader.Read(file, new InputFileOptions { LabelColumn = column, IdColumn = "tweet_id" })
            .Where(r => r.IsValid).ToDictionary(r => r.Line, r => r.Label);
        var rows = InputFileReader.Read(file, new InputFileOptions { LabelColumn = "airline", IdColumn = "tweet_id" }).Where(r => r.IsValid).ToList();
        var created = Column("tweet_created");

        var cache = Path.Combine(Path.GetTempPath(), "orleans-sentiment-airline-replay-" + Environment.ProcessId);
        try
        {
            var folders = BuiltInModels.EnsureBuilt(cache);
            using var model = OnnxTextClassifier.Load(BuiltInModels.SentimentModelName, folders.Sentiment);
            var predictions = model.Classify(rows.Select(r => r.Text!).ToArray());
            var tweets = rows.Select((r, i) => (Airline: r.Label!, Tweet: new Tweet(
                $"{r.Id}-{r.Line}",
                DateTimeOffset.ParseExact(created[r.Line]!, "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
                new Dictionary<string, Prediction> { [BuiltInModels.SentimentModelName] = predictions[i] },
                predictions[i].Label == "negative")));
            return new AirlineReplay(tweets.GroupBy(t => t.Airline)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Tweet>)g.Select(t => t.Tweet).OrderBy(t => t.At).ToArray()));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
