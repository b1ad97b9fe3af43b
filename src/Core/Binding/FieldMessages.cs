using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hybrid;

/// <summary>
/// The one source of the messages of a value that does not fit its member, on both doors and from
/// every source (a JSON body, a form field, a route, a query, a header). They speak the wire's words
/// (text, an integer, a number, true or false, a date, one of the listed values), never a CLR type's
/// name, say the range of an integer too large or too small for its member, say that a member that
/// cannot be null was sent null, and never echo the input.
/// </summary>
internal static class FieldMessages
{
    /// <summary>A value that is not of the member's kind: <c>The value of 'title' is not text.</c></summary>
    public static string Invalid(string field, Type type) => $"The value of '{field}' is not {Describe(type)}.";

    /// <summary>JSON <c>null</c> for a member whose type holds no null (<c>int</c>, an enum, a struct).</summary>
    public static string Null(string field) => $"The value of '{field}' cannot be null.";

    /// <summary>An integer outside its member's range: <c>The value of 'count' must be between -2147483648 and 2147483647.</c></summary>
    public static string OutOfRange(string field, Type type)
    {
        var (min, max) = Range(Nullable.GetUnderlyingType(type) ?? type);
        return $"The value of '{field}' must be between {min} and {max}.";
    }

    /// <summary>The message for <paramref name="text"/> (a form field, a route, a query or a header) that did not parse.</summary>
    public static string ForText(string field, Type type, string? text) =>
        IsIntegerType(type) && IsIntegerLiteral(text) ? OutOfRange(field, type) : Invalid(field, type);

    /// <summary>
    /// The message for a JSON value that did not convert: <paramref name="found"/> false when the
    /// value could not be found in the body (then the kind of the member alone is told).
    /// </summary>
    public static string ForJson(string field, Type type, bool found, JsonNode? value)
    {
        if (found && value is null && type.IsValueType && Nullable.GetUnderlyingType(type) is null)
        {
            return Null(field);
        }

        if (found && value is JsonValue number && number.GetValueKind() == JsonValueKind.Number && IsIntegerType(type) && IsIntegerLiteral(number.ToJsonString()))
        {
            return OutOfRange(field, type);
        }

        return Invalid(field, type);
    }

    /// <summary>What a valid value looks like, in the wire's words.</summary>
    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "text",
            _ when type == typeof(char) => "a single character",
            _ when type == typeof(bool) => "true or false",
            _ when IsIntegerType(type) => "an integer",
            _ when IsNumberType(type) => "a number",
            _ when type == typeof(Guid) => "a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)",
            _ when type == typeof(DateOnly) => "a date (yyyy-MM-dd)",
            _ when type == typeof(TimeOnly) => "a time (HH:mm:ss)",
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "a date and time (ISO 8601)",
            _ when type == typeof(TimeSpan) => "a duration ([d.]hh:mm:ss)",
            _ when type.IsEnum => "one of: " + string.Join(", ", WireNames(type)),
            _ when type == typeof(Uri) => "a URL",
            _ when type == typeof(Version) => "a version (1.2.3)",
            _ when type == typeof(byte[]) => "base64 text",
            _ when typeof(System.Collections.IDictionary).IsAssignableFrom(type) || IsGenericDictionary(type) => "an object",
            _ when SimpleTypes.IsCollection(type) => "a list",
            _ when SimpleTypes.IsSimple(type) => "a valid value",
            _ => "an object",
        };
    }

    public static bool IsIntegerType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return (type.IsPrimitive && type != typeof(bool) && type != typeof(char) && type != typeof(float) && type != typeof(double)) ||
            type == typeof(Int128) || type == typeof(UInt128);
    }

    public static bool IsNumberType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(float) || type == typeof(double) || type == typeof(decimal) || type == typeof(Half);
    }

    /// <summary>An enum's names as they travel by default: <c>[JsonStringEnumMemberName]</c>'s, else the declared ones.</summary>
    private static IEnumerable<string> WireNames(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name);

    private static bool IsGenericDictionary(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType &&
            (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));

    /// <summary>Digits with an optional sign, as an integer member would take: too large or too small is then the only reason it failed.</summary>
    private static bool IsIntegerLiteral(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 4096 &&
        BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    private static (string Min, string Max) Range(Type type) => type switch
    {
        _ when type == typeof(sbyte) => (Text(sbyte.MinValue), Text(sbyte.MaxValue)),
        _ when type == typeof(byte) => (Text(byte.MinValue), Text(byte.MaxValue)),
        _ when type == typeof(short) => (Text(short.MinValue), Text(short.MaxValue)),
        _ when type == typeof(ushort) => (Text(ushort.MinValue), Text(ushort.MaxValue)),
        _ when type == typeof(int) => (Text(int.MinValue), Text(int.MaxValue)),
        _ when type == typeof(uint) => (Text(uint.MinValue), Text(uint.MaxValue)),
        _ when type == typeof(long) => (Text(long.MinValue), Text(long.MaxValue)),
        _ when type == typeof(ulong) => (Text(ulong.MinValue), Text(ulong.MaxValue)),
        _ when type == typeof(nint) => (Text(nint.MinValue), Text(nint.MaxValue)),
        _ when type == typeof(nuint) => (Text(nuint.MinValue), Text(nuint.MaxValue)),
        _ when type == typeof(Int128) => (Text(Int128.MinValue), Text(Int128.MaxValue)),
        _ when type == typeof(UInt128) => (Text(UInt128.MinValue), Text(UInt128.MaxValue)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an integer type."),
    };

    private static string Text<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}
