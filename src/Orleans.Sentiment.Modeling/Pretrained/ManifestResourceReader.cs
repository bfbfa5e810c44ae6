using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Orleans.Sentiment.Modeling.Pretrained;

/// <summary>Reads embedded (manifest) resources of a .NET assembly file without loading the assembly.</summary>
internal static class ManifestResourceReader
{
    public static IReadOnlyDictionary<string, byte[]> Read(string assemblyPath, params string[] names)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var resourcesRva = pe.PEHeaders.CorHeader?.ResourcesDirectory.RelativeVirtualAddress
            ?? throw new InvalidDataException($"{assemblyPath} is not a .NET assembly.");
        var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            var name = metadata.GetString(resource.Name);
            if (!names.Contains(name, StringComparer.Ordinal) || !resource.Implementation.IsNil)
            {
                continue;
            }

            var block = pe.GetSectionData(resourcesRva + (int)resource.Offset);
            var reader = block.GetReader();
            var length = reader.ReadInt32();
            found[name] = reader.ReadBytes(length);
        }

        var missing = names.Where(n => !found.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{assemblyPath} has no embedded resource {string.Join(", ", missing)}.");
        }

        return found;
    }
}
