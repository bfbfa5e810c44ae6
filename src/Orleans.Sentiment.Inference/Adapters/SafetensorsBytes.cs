using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Orleans.Sentiment.Inference.Adapters;

/// <summary>
/// Reads the float tensors of a safetensors file held in memory (an artifact's bytes): an 8-byte little-endian header
/// length, a JSON header naming each tensor's dtype, shape and byte range, then the data. F32, F16 and BF16 become floats.
/// </summary>
internal static class SafetensorsBytes
{
    public static Dictionary<string, (float[] Data, int[] Shape)> Read(ReadOnlySpan<byte> file, string what)
    {
        if (file.Length < 8)
        {
            throw new InvalidDataException($"{what} is not a safetensors file (too short).");
        }

        var headerLength = BinaryPrimitives.ReadInt64LittleEndian(file);
        if (headerLength <= 0 || headerLength > file.Length - 8)
        {
            throw new InvalidDataException($"{what} is not a safetensors file (header length {headerLength}).");
        }

        var data = file[(8 + (int)headerLength)..];
        var tensors = new Dictionary<string, (float[], int[])>(StringComparer.Ordinal);
        using var header = ParseHeader(file.Slice(8, (int)headerLength), what);
        foreach (var entry in header.RootElement.EnumerateObject())
        {
            if (entry.Name == "__metadata__")
            {
                continue;
            }

            var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
            var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > data.Length)
            {
                throw new InvalidDataException($"{what}: tensor '{entry.Name}' has data offsets outside the file.");
            }

            var bytes = data[(int)offsets[0]..(int)offsets[1]];
            float[]? values = entry.Value.GetProperty("dtype").GetString() switch
            {
                "F32" => MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
                "F16" => [.. MemoryMarshal.Cast<byte, Half>(bytes).ToArray().Select(h => (float)h)],
                "BF16" => [.. MemoryMarshal.Cast<byte, ushort>(bytes).ToArray().Select(b => BitConverter.Int32BitsToSingle(b << 16))],
                _ => null,
            };
            if (values is null)
            {
                continue;
            }

            if (values.Length != shape.Aggregate(1L, (p, d) => p * d))
            {
                throw new InvalidDataException($"{what}: tensor '{entry.Name}' holds {values.Length} values for shape [{string.Join(", ", shape)}].");
            }

            tensors[entry.Name] = (values, shape);
        }

        return tensors;
    }

    private static JsonDocument ParseHeader(ReadOnlySpan<byte> header, string what)
    {
        try
        {
            return JsonDocument.Parse(header.ToArray());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{what}: the safetensors header is not valid JSON: {e.Message}", e);
        }
    }
}
