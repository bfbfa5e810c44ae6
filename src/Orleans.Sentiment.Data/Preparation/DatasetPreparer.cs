namespace Orleans.Sentiment.Data.Preparation;

/// <summary>
/// The whole <c>prepare</c> step: read a labelled CSV/TSV/JSONL file, clean it, split it stratified by label,
/// balance the training split if asked, and write <c>clean</c>, <c>train</c>, <c>validation</c> and <c>test</c>
/// files to the output directory.
/// </summary>
public static class DatasetPreparer
{
    public static PrepareReport Prepare(string inputPath, string outputDirectory, PrepareOptions options)
    {
        options.Validate();
        var inputFormat = InputFileReader.FormatOf(inputPath);
        if (inputFormat == InputFormat.Text)
        {
            throw new InputFileException($"{inputPath}: a .txt file has no labels; prepare needs CSV, TSV or JSONL with a label column.");
        }

        var readOptions = new InputFileOptions { TextColumn = options.TextColumn, LabelColumn = options.LabelColumn };
        var cleaning = RowCleaner.Clean(InputFileReader.Read(inputPath, readOptions));
        var split = StratifiedSplitter.Split(cleaning.Rows, options.Split, options.Seed);
        var train = Balancer.Balance(split.Train, options.Balance, options.Seed);
        split = split with { Train = train };

        var format = OutputFormatOf(options.Format, inputFormat);
        Directory.CreateDirectory(outputDirectory);
        var extension = LabelledFileWriter.Extension(format);
        var files = new PreparedFiles(
            Path.Combine(outputDirectory, "clean" + extension),
            Path.Combine(outputDirectory, "train" + extension),
            Path.Combine(outputDirectory, "validation" + extension),
            Path.Combine(outputDirectory, "test" + extension));
        Write(files.Cleaned, cleaning.Rows);
        Write(files.Train, split.Train);
        Write(files.Validation, split.Validation);
        Write(files.Test, split.Test);

        return new PrepareReport(
            inputPath, cleaning, LabelDistribution.Of(cleaning.Rows), options.MaxImbalance, split,
            LabelDistribution.Of(split.Train), options.Balance, files);

        void Write(string path, IReadOnlyList<LabelledRow> rows) =>
            LabelledFileWriter.Write(path, rows, format, options.TextColumn, options.LabelColumn);
    }

    /// <summary>Where output goes when no directory is given: <c>{input name}.prepared</c> next to the input.</summary>
    public static string DefaultOutputDirectory(string inputPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputPath))!, Path.GetFileNameWithoutExtension(inputPath) + ".prepared");

    private static InputFormat OutputFormatOf(OutputFormat format, InputFormat input) => format switch
    {
        OutputFormat.Csv => InputFormat.Csv,
        OutputFormat.Tsv => InputFormat.Tsv,
        OutputFormat.JsonLines => InputFormat.JsonLines,
        _ => input,
    };
}
