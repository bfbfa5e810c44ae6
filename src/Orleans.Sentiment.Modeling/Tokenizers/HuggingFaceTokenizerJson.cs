using System.Text.Json;

namespace Orleans.Sentiment.Modeling.Tokenizers;

/// <summary>
/// Writes a standard Hugging Face <c>tokenizer.json</c> for a WordPiece vocabulary with BERT conventions
/// (BertNormalizer lower-casing, BertPreTokenizer, [CLS] text [SEP]), so Hugging Face-compatible runtimes
/// produce the same ids as <c>vocab.txt</c>.
/// </summary>
public static class HuggingFaceTokenizerJson
{
    public static void Write(string path, IReadOnlyList<string> vocabulary)
    {
        int Id(string token) => vocabulary.Select((t, i) => (t, i)).First(p => p.t == token).i;
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("version", "1.0");
        json.WriteNull("truncation");
        json.WriteNull("padding");
        json.WriteStartArray("added_tokens");
        foreach (var special in WordPieceTokenizerFiles.SpecialTokens)
        {
            json.WriteStartObject();
            json.WriteNumber("id", Id(special));
            json.WriteString("content", special);
            json.WriteBoolean("single_word", false);
            json.WriteBoolean("lstrip", false);
            json.WriteBoolean("rstrip", false);
            json.WriteBoolean("normalized", false);
            json.WriteBoolean("special", true);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("normalizer");
        json.WriteString("type", "BertNormalizer");
        json.WriteBoolean("clean_text", true);
        json.WriteBoolean("handle_chinese_chars", true);
        json.WriteNull("strip_accents");
        json.WriteBoolean("lowercase", true);
        json.WriteEndObject();
        json.WriteStartObject("pre_tokenizer");
        json.WriteString("type", "BertPreTokenizer");
        json.WriteEndObject();
        WritePostProcessor(json, Id("[CLS]"), Id("[SEP]"));
        json.WriteStartObject("decoder");
        json.WriteString("type", "WordPiece");
        json.WriteString("prefix", "##");
        json.WriteBoolean("cleanup", true);
        json.WriteEndObject();
        json.WriteStartObject("model");
        json.WriteString("type", "WordPiece");
        json.WriteString("unk_token", "[UNK]");
        json.WriteString("continuing_subword_prefix", "##");
        json.WriteNumber("max_input_chars_per_word", 100);
        json.WriteStartObject("vocab");
        for (var i = 0; i < vocabulary.Count; i++)
        {
            json.WriteNumber(vocabulary[i], i);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WritePostProcessor(Utf8JsonWriter json, int cls, int sep)
    {
        json.WriteStartObject("post_processor");
        json.WriteString("type", "TemplateProcessing");
        json.WriteStartArray("single");
        WriteSpecial(json, "[CLS]", 0);
        WriteSequence(json, "A", 0);
        WriteSpecial(json, "[SEP]", 0);
        json.WriteEndArray();
        json.WriteStartArray("pair");
        WriteSpecial(json, "[CLS]", 0);
        WriteSequence(json, "A", 0);
        WriteSpecial(json, "[SEP]", 0);
        WriteSequence(json, "B", 1);
        WriteSpecial(json, "[SEP]", 1);
        json.WriteEndArray();
        json.WriteStartObject("special_tokens");
        foreach (var (token, id) in new[] { ("[CLS]", cls), ("[SEP]", sep) })
        {
            json.WriteStartObject(token);
            json.WriteString("id", token);
            json.WriteStartArray("ids");
            json.WriteNumberValue(id);
            json.WriteEndArray();
            json.WriteStartArray("tokens");
            json.WriteStringValue(token);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSpecial(Utf8JsonWriter json, string token, int typeId)
    {
        json.WriteStartObject();
        json.WriteStartObject("SpecialToken");
        json.WriteString("id", token);
        json.WriteNumber("type_id", typeId);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSequence(Utf8JsonWriter json, string id, int typeId)
    {
        json.WriteStartObject();
        json.WriteStartObject("Sequence");
        json.WriteString("id", id);
        json.WriteNumber("type_id", typeId);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
