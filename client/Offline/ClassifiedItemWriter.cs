using System.Text.Encodings.Web;
using System.Text.Json;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Client.Offline;

/// <summary>
/// Writes one classified item per line: <c>{ "id"?, "text", "predictions": { model: { "label",
/// "score", "scores", "logits", "tokens" } }, "tokens" }</c>. The top-level token count is the first model's.
/// </summary>
internal sealed class ClassifiedItemWriter(TextWriter output) : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly MemoryStream _buffer = new();

    public void Write(string? id, string text, IReadOnlyDictionary<string, Prediction> predictions)
    {
        _buffer.SetLength(0);
        using (var json = new Utf8JsonWriter(_buffer, Options))
        {
            json.WriteStartObject();
            if (id is not null)
            {
                json.WriteString("id", id);
            }

            json.WriteString("text", text);
            json.WriteStartObject("predictions");
            foreach (var (model, prediction) in predictions)
            {
                WritePrediction(json, model, prediction);
            }

            json.WriteEndObject();
            json.WriteNumber("tokens", predictions.Values.First().TokenCount);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
    }

    public void Dispose() => _buffer.Dispose();

    private static void WritePrediction(Utf8JsonWriter json, string model, Prediction prediction)
    {
        json.WriteStartObject(model);
        json.WriteString("label", prediction.Label);
        json.WriteNumber("score", prediction.Score);
        json.WriteStartObject("scores");
        foreach (var (label, score) in prediction.Scores)
        {
            json.WriteNumber(label, score);
        }

        json.WriteEndObject();
        json.WriteStartArray("logits");
        foreach (var logit in prediction.Logits)
        {
            json.WriteNumberValue(logit);
        }

        json.WriteEndArray();
        json.WriteNumber("tokens", prediction.TokenCount);
        json.WriteEndObject();
    }
}
