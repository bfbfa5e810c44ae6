using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Safetensors;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Training.Lora.Tests;

/// <summary>LoRA fine-tuning of an XLM-R base folder: RoBERTa's modules under <c>roberta.</c>, a Unigram tokenizer.</summary>
public sealed class LoraXlmRobertaTests
{
    [Fact]
    public async Task Cli_TrainMethodLoraOnXlmRobertaBase_WritesAnXlmRobertaModelThatLearnedTheLabels()
    {
        using var work = new TemporaryDirectory();
        var baseFolder = TinyModels.WriteXlmRobertaFolder(Path.Combine(work.Path, "base"));
        var data = work.File("data.csv");
        File.WriteAllLines(data, ["text,label", .. Examples().Select(e => $"\"{e.Text}\",{e.Label}")]);
        var output = Path.Combine(work.Path, "model");

        var result = await CliProcess.RunAsync("train", "--method", "lora", "--base", baseFolder, "--data", data, "--out", output,
            "--epochs", "6", "--batch-size", "8", "--max-length", "24", "--learning-rate", "0.01", "--seed", "5");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "config.json")))!;
        Assert.Equal("xlm-roberta", (string?)config["model_type"]);
        Assert.Equal("Unigram", (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(output, "tokenizer.json")))!["model"]!["type"]);
        var adapter = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "adapter", "adapter_config.json")))!;
        Assert.Equal(["query", "value"], adapter["target_modules"]!.AsArray().Select(m => (string?)m));
        Assert.Contains(SafetensorsFile.Read(Path.Combine(output, "adapter", "adapter_model.safetensors")).Keys,
            key => key.StartsWith("base_model.model.roberta.encoder.layer.0.attention.self.query.lora_A", StringComparison.Ordinal));
        using var classifier = OnnxTextClassifier.Load("lora", output);
        var predictions = classifier.Classify(["good great love", "плохо malo hate", "très bien 好 bueno", "bad awful 不"]);
        Assert.Equal(["positive", "negative", "positive", "negative"], predictions.Select(p => p.Label));
    }

    [Fact]
    public async Task Cli_XlmRobertaBaseWithSentencePieceModelOnly_FailsNamingTheFileAndTheExport()
    {
        using var work = new TemporaryDirectory();
        var baseFolder = TinyModels.WriteXlmRobertaFolder(Path.Combine(work.Path, "base"));
        File.Delete(Path.Combine(baseFolder, "tokenizer.json"));
        File.WriteAllBytes(Path.Combine(baseFolder, "sentencepiece.bpe.model"), [0x0A, 0x0B]);
        var data = work.File("data.csv");
        File.WriteAllLines(data, ["text,label", "good,positive", "bad,negative"]);

        var result = await CliProcess.RunAsync("train", "--method", "lora", "--base", baseFolder, "--data", data, "--out", Path.Combine(work.Path, "model"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("sentencepiece.bpe.model but no tokenizer.json", result.Error, StringComparison.Ordinal);
        Assert.Contains("save_pretrained", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_XlmRobertaBareEncoderCheckpoint_ReadsTheWeightsUnderRobertaNames()
    {
        using var work = new TemporaryDirectory();
        var baseFolder = TinyModels.WriteXlmRobertaFolder(Path.Combine(work.Path, "base"));
        var weightsPath = Path.Combine(baseFolder, PretrainedEncoder.WeightsFileName);
        var headed = SafetensorsFile.Read(weightsPath);
        // XLMRobertaModel.save_pretrained writes the encoder without the classifier's "roberta." module name.
        SafetensorsFile.Write(weightsPath, headed.Where(w => w.Key.StartsWith("roberta.", StringComparison.Ordinal))
            .Select(w => KeyValuePair.Create(w.Key["roberta.".Length..], w.Value)));

        var encoder = PretrainedEncoder.Load(baseFolder);

        Assert.Equal(TransformerFamily.XlmRoberta, encoder.Shape.Family);
        Assert.Equal(TransformerShape.TinyXlmRoberta, encoder.Shape);
        Assert.Equal(headed["roberta.encoder.layer.1.attention.self.query.weight"].Data, encoder.Weights["roberta.encoder.layer.1.attention.self.query.weight"].Data);
    }

    private static IEnumerable<(string Text, string Label)> Examples()
    {
        string[] positive = ["good", "great", "love", "très bien", "bueno", "хорошо", "好", "excellent"];
        string[] negative = ["bad", "awful", "hate", "malo", "плохо", "不", "ไม่ดี", "terrible"];
        string[] filler = ["the", "app", "service", "flight", "der", "el", "и", "の", "est", "very"];
        var random = new Random(1);
        return Enumerable.Range(0, 96).Select(i =>
        {
            var polar = i % 2 == 0 ? positive : negative;
            var words = Enumerable.Range(0, 5).Select(w => w % 2 == 0 ? polar[random.Next(polar.Length)] : filler[random.Next(filler.Length)]);
            return (string.Join(' ', words), i % 2 == 0 ? "positive" : "negative");
        });
    }
}
