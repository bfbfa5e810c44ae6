using System.Text.Json.Nodes;
using Orleans.Sentiment.Modeling.Safetensors;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Training.Lora.Tests;

/// <summary>The adapter folder has PEFT's file names, key names, shapes and config fields.</summary>
public sealed class PeftAdapterTests
{
    [Fact]
    public void Write_Bert_UsesPeftKeyNamesAndShapes()
    {
        using var model = LoraExportTests.TrainedLookingModel(TransformerFamily.Bert);
        using var folder = new TemporaryDirectory();

        PeftAdapterWriter.Write(folder.Path, model, "sentence-transformers/all-MiniLM-L6-v2");
        var tensors = SafetensorsFile.Read(folder.File("adapter_model.safetensors"));

        var layers = TransformerShape.Tiny.Layers;
        var expected = Enumerable.Range(0, layers).SelectMany(l => new[]
            {
                $"base_model.model.bert.encoder.layer.{l}.attention.self.query.lora_A.weight",
                $"base_model.model.bert.encoder.layer.{l}.attention.self.query.lora_B.weight",
                $"base_model.model.bert.encoder.layer.{l}.attention.self.value.lora_A.weight",
                $"base_model.model.bert.encoder.layer.{l}.attention.self.value.lora_B.weight",
            })
            .Concat(["base_model.model.bert.pooler.dense.weight", "base_model.model.bert.pooler.dense.bias", "base_model.model.classifier.weight", "base_model.model.classifier.bias"])
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, tensors.Keys.Order(StringComparer.Ordinal));
        var hidden = TransformerShape.Tiny.Hidden;
        Assert.Equal([4, hidden], tensors["base_model.model.bert.encoder.layer.0.attention.self.query.lora_A.weight"].Shape);
        Assert.Equal([hidden, 4], tensors["base_model.model.bert.encoder.layer.0.attention.self.query.lora_B.weight"].Shape);
        Assert.Equal([3, hidden], tensors["base_model.model.classifier.weight"].Shape);
    }

    [Fact]
    public void Write_DistilBert_TargetsQLinVLinAndSavesPreClassifier()
    {
        using var model = LoraExportTests.TrainedLookingModel(TransformerFamily.DistilBert);
        using var folder = new TemporaryDirectory();

        PeftAdapterWriter.Write(folder.Path, model, "distilbert-base-uncased");
        var keys = SafetensorsFile.Read(folder.File("adapter_model.safetensors")).Keys.ToList();

        Assert.Contains("base_model.model.distilbert.transformer.layer.0.attention.q_lin.lora_A.weight", keys);
        Assert.Contains("base_model.model.distilbert.transformer.layer.1.attention.v_lin.lora_B.weight", keys);
        Assert.Contains("base_model.model.pre_classifier.weight", keys);
        Assert.Contains("base_model.model.classifier.bias", keys);
        Assert.DoesNotContain(keys, k => k.Contains("k_lin", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_Config_HasLoraConfigFieldsForSequenceClassification()
    {
        using var model = LoraExportTests.TrainedLookingModel(TransformerFamily.Roberta);
        using var folder = new TemporaryDirectory();

        PeftAdapterWriter.Write(folder.Path, model, "cardiffnlp/twitter-roberta-base-sentiment-latest");
        var config = JsonNode.Parse(File.ReadAllText(folder.File("adapter_config.json")))!.AsObject();

        Assert.Equal("LORA", (string?)config["peft_type"]);
        Assert.Equal("SEQ_CLS", (string?)config["task_type"]);
        Assert.Equal(4, (int)config["r"]!);
        Assert.Equal(8.0, (double)config["lora_alpha"]!);
        Assert.Equal(0.1, (double)config["lora_dropout"]!);
        Assert.Equal("none", (string?)config["bias"]);
        Assert.Equal(["query", "value"], config["target_modules"]!.AsArray().Select(n => (string?)n));
        Assert.Contains("classifier", config["modules_to_save"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("cardiffnlp/twitter-roberta-base-sentiment-latest", (string?)config["base_model_name_or_path"]);
        Assert.False((bool)config["fan_in_fan_out"]!);
    }

    [Fact]
    public void Options_Defaults_ArePeftSeqClsDefaults()
    {
        var options = new LoraOptions { Pooling = HeadPooling.Cls };

        Assert.Equal((8, 16.0, 0.1, 2.0), (options.Rank, options.Alpha, options.Dropout, options.Scaling));
        Assert.Equal(["query", "value"], LoraTargets.DefaultTargets(TransformerFamily.Bert));
        Assert.Equal(["q_lin", "v_lin"], LoraTargets.DefaultTargets(TransformerFamily.DistilBert));
    }
}
