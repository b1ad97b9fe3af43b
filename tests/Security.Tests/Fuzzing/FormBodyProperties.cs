using System.Text;
using CsCheck;

namespace Hybrid.Security.Tests.Fuzzing;

/// <summary>
/// Form bodies (urlencoded and multipart, with file parts) on both doors: the field names the
/// form binder walks (nested, indexed) with well-formed and hostile values and indexes.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class FormBodyProperties(FuzzHost host)
{
    private static readonly Gen<string> Key = Gen.Frequency(
        (6, Gen.OneOf("customer", "color", "due", "at", "total", "points", "address.street", "address.zip", "lines[0].sku", "lines[0].quantity", "lines[1].price")),
        (2, Gen.Select(Gen.Int, Gen.OneOf("sku", "quantity", "price", "")).Select((i, m) => $"lines[{i}].{m}")),
        (1, Gen.OneOf("lines[99999999].sku", "lines[-1].sku", "lines[].sku", "lines[0x1].sku", "address..street", "address.street.x", "__proto__", "Customer", "CUSTOMER", "lines[0][0]", "lines.0.sku", "$type", "a" + new string('[', 300))),
        (1, FuzzGen.Hostile));

    private static readonly Gen<string> Value = Gen.Frequency(
        (3, FuzzGen.Word),
        (1, Gen.OneOf("Red", "Green", "Blue", "2024-02-29", "2024-02-29T10:00:00+01:00", "12.5", "-3", "1")),
        (3, FuzzGen.Hostile));

    private static readonly Gen<(string Key, string Value)[]> Fields =
        Gen.Select(Key, Value).Array[0, 12].Select(fields => fields.Prepend(("customer", "a")).ToArray());

    private static readonly Gen<(string Name, string FileName, string Type, byte[] Bytes)[]> Files =
        Gen.Select(Gen.OneOf("attachment", "Attachment", "attachment[0]", "note", "customer", "lines[0].sku", "x"), Gen.Frequency((3, Gen.OneOf("a.txt", "../../etc/passwd", "a\u0000.txt", "", "😀.png")), (1, FuzzGen.Hostile)),
            Gen.OneOf("text/plain", "application/octet-stream", "image/png", "", "x/y; a=\"", "application/json"), Gen.Byte.Array[0, 2000])
        .Array[0, 3];

    [Fact]
    public Task An_urlencoded_form_is_answered_without_a_crash() =>
        Check.SampleAsync(
            Gen.Select(Fields, Gen.Bool, Gen.Frequency((5, Gen.Const("application/x-www-form-urlencoded")), (1, FuzzGen.ContentType))),
            async (fields, action, contentType) =>
            {
                var body = string.Join("&", fields.Select(f => Uri.EscapeDataString(Valid(f.Key)) + "=" + Uri.EscapeDataString(Valid(f.Value))));
                await host.SendAsync(JsonBodyProperties.Request(action, Encoding.UTF8.GetBytes(body), contentType));
            },
            seed: FuzzBudget.Seed,
            time: FuzzBudget.Seconds,
            threads: FuzzBudget.Threads);

    [Fact]
    public Task A_multipart_form_with_files_is_answered_without_a_crash() =>
        Check.SampleAsync(
            Gen.Select(Fields, Files, Gen.Bool, Gen.Bool),
            async (fields, files, action, upload) =>
            {
                var content = new MultipartFormDataContent("fuzz-boundary");
                foreach (var (key, value) in fields)
                {
                    var field = new StringContent(Valid(value));
                    field.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name={Quoted(upload && key == "customer" ? "note" : key)}");
                    content.Add(field);
                }

                foreach (var (name, fileName, type, bytes) in files)
                {
                    var part = new ByteArrayContent(bytes);
                    part.Headers.TryAddWithoutValidation("Content-Type", type);
                    // Unvalidated so control characters in a file name reach the server as a hostile client sends them.
                    part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name={Quoted(name)}; filename={Quoted(fileName)}");
                    content.Add(part);
                }

                var request = upload
                    ? (action ? SecurityHost.Action("FuzzUpload", content) : SecurityHost.Rest("fuzz-uploads", content))
                    : (action ? SecurityHost.Action("FuzzOrder", content) : SecurityHost.Rest("fuzz-orders", content));
                await host.SendAsync(request);
            },
            seed: FuzzBudget.Seed,
            time: FuzzBudget.Seconds,
            threads: FuzzBudget.Threads);

    // Uri.EscapeDataString throws on a lone surrogate; a browser would send U+FFFD instead.
    private static string Valid(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    private static string Quoted(string text) => "\"" + Valid(text).Replace("\"", "%22", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal) + "\"";
}
