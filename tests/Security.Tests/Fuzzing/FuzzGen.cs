using CsCheck;

namespace Hybrid.Security.Tests.Fuzzing;

/// <summary>
/// Building blocks shared by the properties: values a binder must take, and the hostile text
/// (Unicode, encodings, traversal, overflow) it must refuse without a 500.
/// </summary>
internal static class FuzzGen
{
    public static readonly string[] Nasty =
    [
        "", " ", "null", "true", "-1", "0", "1e400", "-1e400", "NaN", "Infinity", "99999999999999999999999999999999",
        "79228162514264337593543950336", "2147483648", "-9223372036854775809", "0x10", "1_000", "١٢٣",
        "../../etc/passwd", "..%2f..%2f", "%00", "%", "%zz", "%C0%AF", "\u0000", "\t\r\n", "<script>", "{}", "[]",
        "{\"$type\":\"x\"}", "Red,Green", "red", "RED", "Purple", "7", "2024-02-30", "0000-00-00", "9999-12-31T23:59:59+14:01",
        "2024-01-01T00:00:00Z", "-2024-01-01", "é", "e\u0301", "\u202Eevil", "\uFEFF", "😀", "\uD800", "A\uDC00",
        "İ", "ß", new string('9', 400), new string('x', 5000),
    ];

    public static readonly Gen<string> Word = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_ éß中😀"], 1, 12]
        .Where(w => w.Trim().Length > 0 && !char.IsSurrogate(w[^1]));

    /// <summary>Mostly nasty strings, sometimes arbitrary ones (including lone surrogates).</summary>
    public static readonly Gen<string> Hostile = Gen.Frequency(
        (6, Gen.OneOf(Nasty)),
        (2, Gen.String),
        (1, Gen.String[Gen.Char, 0, 300]),
        (1, Word));

    public static readonly Gen<string> ContentType = Gen.OneOf(
        "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16", "application/json; charset=latin1",
        "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=", "text/plain", "application/xml",
        "application/problem+json", "application/vnd.api+json", "APPLICATION/JSON", "application/json; charset=\"utf-8\"", "*/*",
        "application/merge-patch+json", "application/octet-stream", "application/json;;;", "application/json; charset=utf-7");

    public static readonly Gen<FuzzLine> Line =
        Gen.Select(Word.Where(w => w.Length <= 20), Gen.Int[1, 1000], Gen.Decimal[-1000000m, 1000000m])
            .Select((sku, quantity, price) => new FuzzLine { Sku = sku, Quantity = quantity, Price = decimal.Round(price, 4) });

    public static readonly Gen<FuzzAddress?> Address = Gen.Frequency(
        (1, Gen.Const<FuzzAddress?>(default(FuzzAddress))),
        (3, Gen.Select(Word.Null(), Gen.Int.Nullable()).Select((street, zip) => (FuzzAddress?)new FuzzAddress { Street = street, Zip = zip })));

    /// <summary>A FuzzOrder the binders must take: every member in range.</summary>
    public static readonly Gen<FuzzOrder> Order =
        Gen.Select(
            Word,
            Gen.Enum<FuzzColor>(),
            Gen.DateOnly.Nullable(),
            Gen.DateTimeOffset.Nullable(),
            Gen.Decimal[-1000000m, 1000000m],
            Gen.Long.Nullable(),
            Address,
            Line.List[0, 4].Null())
        .Select((customer, color, due, at, total, points, address, lines) => new FuzzOrder
        {
            Customer = customer,
            Color = color,
            Due = due,
            At = at,
            Total = decimal.Round(total, 4),
            Points = points,
            Address = address,
            Lines = lines,
        });
}
