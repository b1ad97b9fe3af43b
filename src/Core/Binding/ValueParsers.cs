using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Hybrid;

/// <summary>Parses one string (a route value, a query value, a header, a form field) into a typed value.</summary>
/// <typeparam name="T">The member's type.</typeparam>
internal delegate bool TryParser<T>(string text, out T value);

/// <summary>
/// The one rule by which a single string becomes a typed value, on both doors and from every source,
/// built per type at start-up. It reads what System.Text.Json would read from the same text in a
/// JSON body, so a form, a query string and a JSON body agree: integers and numbers culture-invariant
/// (no thousands separators), booleans strictly (<c>true</c>, <c>false</c>, and <c>on</c> for
/// checkboxes, any case), dates and times in ISO 8601 (<c>DateOnly</c> as <c>yyyy-MM-dd</c>),
/// <c>Guid</c>s with hyphens, enums by name (as the app's JSON options name them when they read
/// names, else by their C# names, ignoring case; a comma list only for <c>[Flags]</c>) and by number
/// (when the app's JSON reads numbers; only defined values), an empty value as null for nullables,
/// and any other <see cref="ISpanParsable{TSelf}"/> type through its own invariant parser.
/// </summary>
internal static class ValueParsers
{
    public static TryParser<T> For<T>(JsonSerializerOptions json)
    {
        var type = typeof(T);
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return (TryParser<T>)Make(nameof(NullableOf), underlying).Invoke(null, [json])!;
        }

        if (type.IsEnum)
        {
            return (TryParser<T>)Make(nameof(EnumOf), type).Invoke(null, [json])!;
        }

        return (TryParser<T>)(Known(type) ?? Make(FieldMessages.IsIntegerType(type) ? nameof(IntegerOf) : FieldMessages.IsNumberType(type) ? nameof(NumberOf) : nameof(SpanParsableOf), type).Invoke(null, null)!);
    }

    private static MethodInfo Make(string name, Type type) =>
        typeof(ValueParsers).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);

    private static Delegate? Known(Type type) => type switch
    {
        _ when type == typeof(string) => new TryParser<string>(static (string text, out string value) =>
        {
            value = text;
            return true;
        }),
        _ when type == typeof(bool) => new TryParser<bool>(static (string text, out bool value) =>
        {
            var t = text.AsSpan();
            value = t.Equals("true", StringComparison.OrdinalIgnoreCase) || t.Equals("on", StringComparison.OrdinalIgnoreCase);
            return value || t.Equals("false", StringComparison.OrdinalIgnoreCase);
        }),
        _ when type == typeof(Guid) => new TryParser<Guid>(static (string text, out Guid value) => Guid.TryParseExact(text, "D", out value)),
        _ when type == typeof(DateOnly) => new TryParser<DateOnly>(static (string text, out DateOnly value) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)),
        _ when type == typeof(TimeOnly) => new TryParser<TimeOnly>(static (string text, out TimeOnly value) =>
            TimeOnly.TryParseExact(text, ["HH:mm:ss.FFFFFFF", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out value)),
        _ when type == typeof(TimeSpan) => new TryParser<TimeSpan>(static (string text, out TimeSpan value) =>
            TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out value)),
        _ when type == typeof(DateTimeOffset) => new TryParser<DateTimeOffset>(static (string text, out DateTimeOffset value) =>
        {
            value = default;
            return AsJsonString(text, out var reader) && reader.TryGetDateTimeOffset(out value);
        }),
        _ when type == typeof(DateTime) => new TryParser<DateTime>(static (string text, out DateTime value) =>
        {
            value = default;
            return AsJsonString(text, out var reader) && reader.TryGetDateTime(out value);
        }),
        _ => null,
    };

    /// <summary>A reader positioned on <paramref name="text"/> as a JSON string, so dates follow System.Text.Json's own ISO 8601 rules.</summary>
    private static bool AsJsonString(string text, out Utf8JsonReader reader)
    {
        reader = default;
        // A control character is no JSON string content: the reader would throw, not answer false.
        if (text.Length is 0 or > 64 || text.AsSpan().IndexOfAny('"', '\\') >= 0 || text.AsSpan().ContainsAnyInRange('\0', '\u001F'))
        {
            return false;
        }

        reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("\"" + text + "\""));
        return reader.Read();
    }

    private static TryParser<T> IntegerOf<T>()
        where T : INumberBase<T> =>
        static (string text, out T value) => T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value!);

    private static TryParser<T> NumberOf<T>()
        where T : INumberBase<T> =>
        static (string text, out T value) => T.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value!);

    private static TryParser<T> SpanParsableOf<T>()
        where T : ISpanParsable<T> =>
        static (string text, out T value) => T.TryParse(text, CultureInfo.InvariantCulture, out value!);

    private static TryParser<T?> NullableOf<T>(JsonSerializerOptions json)
        where T : struct
    {
        var inner = For<T>(json);
        return (string text, out T? value) =>
        {
            if (text.Length == 0)
            {
                value = null;
                return true;
            }

            var ok = inner(text, out var parsed);
            value = ok ? parsed : null;
            return ok;
        };
    }

    private static TryParser<T> EnumOf<T>(JsonSerializerOptions json)
        where T : struct, Enum
    {
        var flags = typeof(T).IsDefined(typeof(FlagsAttribute), inherit: false);
        var info = TypeInfo<T>(json);
        var values = Enum.GetValues<T>();
        var readsNames = info is not null && values.Length > 0 && JsonSerializer.Serialize(values[0], info).StartsWith('"');
        var readsNumbers = info is null || values.Length == 0 || Reads(info, Convert.ToInt64(values[0], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        return (string text, out T value) =>
        {
            value = default;
            var trimmed = text.AsSpan().Trim();
            if (trimmed.Length == 0 || trimmed.Length != text.Length)
            {
                return false;
            }

            if (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+')
            {
                return readsNumbers && Enum.TryParse(text, out value) && (flags || Enum.IsDefined(value));
            }

            if (!flags && text.Contains(',', StringComparison.Ordinal))
            {
                return false;
            }

            var parsed = readsNames ? TryJson(info!, JsonSerializer.Serialize(text), out value) : Enum.TryParse(text, ignoreCase: true, out value);
            return parsed && (flags || Enum.IsDefined(value));
        };
    }

    private static JsonTypeInfo<T>? TypeInfo<T>(JsonSerializerOptions json)
    {
        try
        {
            return json.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>;
        }
        catch (NotSupportedException)
        {
            return null; // A source-generated context that does not know the type.
        }
    }

    private static bool Reads<T>(JsonTypeInfo<T> info, string json) => TryJson(info, json, out _);

    private static bool TryJson<T>(JsonTypeInfo<T> info, string json, out T value)
    {
        try
        {
            value = JsonSerializer.Deserialize(json, info)!;
            return true;
        }
        catch (JsonException)
        {
            value = default!;
            return false;
        }
    }
}
