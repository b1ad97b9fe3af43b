using System.Security.Cryptography;
using System.Text.Json;

namespace Hybrid.Actions.Tests;

public sealed class DocumentBytesTests
{
    [Fact]
    public void Segments_hold_exactly_what_was_written_across_segment_boundaries()
    {
        var bytes = new DocumentBytes();
        var expected = new List<byte>();
        var random = new Random(7);
        foreach (var size in new[] { 10, 70_000, 3, 200_000, 65_530, 12 })
        {
            var chunk = new byte[size];
            random.NextBytes(chunk);
            var span = bytes.GetSpan(size);
            chunk.CopyTo(span);
            bytes.Advance(size);
            expected.AddRange(chunk);
        }

        bytes.Seal();

        bytes.Length.Should().Be(expected.Count);
        bytes.Segments.SelectMany(s => s.ToArray()).Should().Equal(expected);
        bytes.Segments.Should().OnlyContain(s => s.Length > 0);
        bytes.Hash().Should().Be(Convert.ToHexStringLower(SHA256.HashData([.. expected]).AsSpan(0, 16)));
    }

    [Fact]
    public void A_json_writer_over_it_writes_a_document_larger_than_one_segment()
    {
        var bytes = new DocumentBytes();
        using (var writer = new Utf8JsonWriter(bytes))
        {
            writer.WriteStartArray();
            for (var i = 0; i < 20_000; i++)
            {
                writer.WriteStringValue("item " + i);
            }

            writer.WriteEndArray();
        }

        bytes.Seal();
        using var document = JsonDocument.Parse(bytes.Segments.SelectMany(s => s.ToArray()).ToArray());
        document.RootElement.GetArrayLength().Should().Be(20_000);
        document.RootElement[19_999].GetString().Should().Be("item 19999");
    }
}
