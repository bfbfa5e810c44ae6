using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>
/// <c>model synth</c>: writes a model of a real family's exact architecture with seeded random weights, to
/// measure throughput or test the runtime before (or without) downloading the real weights.
/// </summary>
internal static class ModelSynthCommand
{
    public static Command Create()
    {
        var arch = new Option<string>("--arch")
        {
            Description = $"Architecture: {string.Join(", ", TransformerShape.Presets.Keys)}.",
            Required = true,
        };
        arch.AcceptOnlyFromAmong([.. TransformerShape.Presets.Keys]);
        var labels = new Option<string>("--labels") { Description = "Comma-separated labels in id order, e.g. negative,positive.", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write.", Required = true };
        var tokenizer = new Option<string?>("--tokenizer")
        {
            Description = "Folder with Hugging Face tokenizer files to copy (tokenizer.json, vocab.txt, vocab.json + merges.txt, ...). " +
                "Without it a vocabulary is generated: WordPiece, or SentencePiece Unigram for XLM-R (none for roberta-base).",
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the random weights.", DefaultValueFactory = _ => 42 };
        var multiLabel = new Option<bool>("--multi-label") { Description = "Write problem_type multi_label_classification (sigmoid scores)." };
        var command = new Command("synth", "Write a same-shape model with random weights (distilbert-base, bert-base, roberta-base, xlm-roberta-base or a tiny one).")
        {
            arch, labels, output, tokenizer, seed, multiLabel,
        };
        command.SetAction(parse =>
        {
            var labelList = parse.GetValue(labels)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var directory = parse.GetValue(output)!;
            var request = new SyntheticModelRequest(TransformerShape.Presets[parse.GetValue(arch)!], labelList, parse.GetValue(tokenizer))
            {
                Initialization = new SynthInitialization { Seed = parse.GetValue(seed) },
                MultiLabel = parse.GetValue(multiLabel),
            };
            try
            {
                var watch = Stopwatch.StartNew();
                var weights = SyntheticModelWriter.Write(directory, request);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Wrote {parse.GetValue(arch)} ({weights.ParameterCount:N0} parameters, {weights.Labels.Count} labels) to {directory} in {watch.Elapsed.TotalSeconds:F1} s."));
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }
}
