using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Modeling.Safetensors;

/// <summary>
/// Reads and writes the safetensors format (an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and byte range, then the raw data). Writes F32; reads F32, F16 and BF16 into floats.
/// </summary>
public static class SafetensorsFile
{
    public static void Write(string path, IEnumerable<KeyValuePair<string, WeightTensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var ordered = tensors.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
        {
            var meta = new JsonObject();
            foreach (var (key, value) in metadata)
            {
                meta[key] = value;
            }

            header["__metadata__"] = meta;
        }

        long offset = 0;
        foreach (var (name, tensor) in ordered)
        {
            var bytes = (long)tensor.Data.Length * sizeof(float);
            header[name] = new JsonObject
            {
                ["dtype"] = "F32",
                ["shape"] = new JsonArray([.. tensor.Shape.Select(d => (JsonNode)d)]),
                ["data_offsets"] = new JsonArray(offset, offset + bytes),
            };
            offset += bytes;
        }

        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        // The data starts 8-byte aligned, as the reference implementation pads the header with spaces.
        var padded = (json.Length + 7) / 8 * 8;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(length, padded);
        stream.Write(length);
        stream.Write(json);
        for (var i = json.Length; i < padded; i++)
        {
            stream.WriteByte((byte)' ');
        }

        foreach (var (_, tensor) in ordered)
        {
            stream.Write(MemoryMarshal.AsBytes(tensor.Data.AsSpan()));
        }
    }

    public static IReadOnlyDictionary<string, WeightTensor> Read(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> length = stackalloc byte[8];
        stream.ReadExactly(length);
        var headerLength = BinaryPrimitives.ReadInt64LittleEndian(length);
        if (headerLength <= 0 || headerLength > 100_000_000 || headerLength > stream.Length - 8)
        {
            throw new InvalidDataException($"{path} is not a safetensors file (header length {headerLength}).");
        }

        var headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        JsonObject header;
        try
        {
            header = JsonNode.Parse(headerBytes)?.AsObject() ?? throw new InvalidDataException($"{path}: empty safetensors header.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: the safetensors header is not valid JSON: {e.Message}", e);
        }

        var dataStart = 8 + headerLength;
        var tensors = new Dictionary<string, WeightTensor>(StringComparer.Ordinal);
        foreach (var (name, node) in header)
        {
            if (name == "__metadata__" || node is not JsonObject entry)
            {
                continue;
            }

            var dtype = (string?)entry["dtype"];
            var shape = entry["shape"]!.AsArray().Select(d => d!.GetValue<int>()).ToArray();
            var offsets = entry["data_offsets"]!.AsArray().Select(d => d!.GetValue<long>()).ToArray();
            var count = shape.Aggregate(1L, (p, d) => p * d);
            var bytes = new byte[offsets[1] - offsets[0]];
            stream.Position = dataStart + offsets[0];
            stream.ReadExactly(bytes);
            var data = dtype switch
            {
                "F32" => MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
                "F16" => [.. MemoryMarshal.Cast<byte, Half>(bytes).ToArray().Select(h => (float)h)],
                "BF16" => [.. MemoryMarshal.Cast<byte, ushort>(bytes).ToArray().Select(b => BitConverter.Int32BitsToSingle(b << 16))],
                _ => null,
            };
            if (data is null)
            {
                // Integer buffers (position_ids and the like) are not weights; skip them.
                continue;
            }

            if (data.Length != count)
            {
                throw new InvalidDataException($"{path}: tensor '{name}' holds {data.Length} values for shape [{string.Join(", ", shape)}].");
            }

            tensors[name] = new WeightTensor(data, shape);
        }

        return tensors;
    }
}
