using System.Globalization;
using CsvHelper;

namespace Orleans.Sentiment.Themes.Tests.Quality;

/// <summary>One tweet of the airline set (Crowdflower's Twitter US Airline Sentiment) with what the measurement needs.</summary>
internal sealed record AirlineTweet(string Id, string Text, string Sentiment, string Reason, string Airline, DateTimeOffset Created)
{
    public static List<AirlineTweet> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var tweets = new List<AirlineTweet>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            tweets.Add(new AirlineTweet(
                // tweet_id repeats in this file (a few tweets are in it twice), so the row is the id.
                tweets.Count.ToString(CultureInfo.InvariantCulture),
                csv.GetField("text")!,
                csv.GetField("airline_sentiment")!,
                csv.GetField("negativereason")!,
                csv.GetField("airline")!,
                DateTimeOffset.ParseExact(csv.GetField("tweet_created")!, "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)));
        }

        return tweets;
    }
}
