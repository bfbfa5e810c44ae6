using System.Security.Cryptography;
using System.Text;

namespace Orleans.Sentiment.Hub.Tests.Fakes;

/// <summary>A repository on the fake hub: one commit, its files, branches pointing at it, an optional token.</summary>
internal sealed class FakeRepo(string id)
{
    public string Id { get; } = id;

    /// <summary>The commit the hub reports; settable to play a hostile hub.</summary>
    public string Commit { get; set; } = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(id)));

    public Dictionary<string, FakeFile> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, every request must carry <c>Authorization: Bearer</c> with it (a gated or private repo).</summary>
    public string? RequiredToken { get; set; }

    public string? ResolveRevision(string revision) => revision == "main" || revision == Commit ? Commit : null;

    /// <summary>A model repository laid out as transformers.js/optimum publish them, plus files a pull must skip.</summary>
    public static FakeRepo Model(string id)
    {
        var repo = new FakeRepo(id);
        repo.Files["config.json"] = FakeFile.Text("""{"id2label":{"0":"NEGATIVE","1":"POSITIVE"},"label2id":{"NEGATIVE":0,"POSITIVE":1}}""");
        repo.Files["tokenizer_config.json"] = FakeFile.Text("""{"do_lower_case":true}""");
        repo.Files["vocab.txt"] = FakeFile.Text("[PAD]\n[UNK]\n[CLS]\n[SEP]\nhello\n");
        repo.Files["README.md"] = FakeFile.Text("# model card");
        repo.Files["onnx/model.onnx"] = FakeFile.Large(300_000, seed: 1);
        repo.Files["onnx/model_quantized.onnx"] = FakeFile.Large(80_000, seed: 2);
        repo.Files["pytorch_model.bin"] = FakeFile.Large(50_000, seed: 3);
        return repo;
    }
}
