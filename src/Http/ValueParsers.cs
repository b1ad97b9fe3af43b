using System.Globalization;
using System.Reflection;

namespace Hybrid.Http;

/// <summary>Parses one route or query string into a typed value.</summary>
/// <typeparam name="T">The property type.</typeparam>
internal delegate bool TryParser<T>(string text, out T value);

/// <summary>
/// Builds a typed, culture-invariant parser per property type at start-up: strings pass through,
/// enums parse by name or number, <see cref="ISpanParsable{TSelf}"/> types use their own parser,
/// and nullable types accept an empty value as null.
/// </summary>
internal static class ValueParsers
{
    public static TryParser<T> For<T>()
    {
        var type = typeof(T);
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return (TryParser<T>)Method(nameof(NullableOf)).MakeGenericMethod(underlying).Invoke(null, null)!;
        }

        if (type == typeof(string))
        {
            return (TryParser<T>)(object)new TryParser<string>(static (string text, out string value) =>
            {
                value = text;
                return true;
            });
        }

        if (type.IsEnum)
        {
            return (TryParser<T>)Method(nameof(EnumOf)).MakeGenericMethod(type).Invoke(null, null)!;
        }

        return (TryParser<T>)Method(nameof(SpanParsableOf)).MakeGenericMethod(type).Invoke(null, null)!;
    }

    private static MethodInfo Method(string name) =>
        typeof(ValueParsers).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;

    private static TryParser<T> SpanParsableOf<T>()
        where T : ISpanParsable<T> =>
        static (string text, out T value) => T.TryParse(text, CultureInfo.InvariantCulture, out value!);

    private static TryParser<T> EnumOf<T>()
        where T : struct, Enum =>
        static (string text, out T value) => Enum.TryParse(text, ignoreCase: true, out value) && (Enum.IsDefined(value) || !IsNumber(text));

    /// <summary>True for what <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> reads as a number (it trims and takes a sign): such a value must be defined.</summary>
    private static bool IsNumber(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.Length > 0 && (char.IsDigit(trimmed[0]) || trimmed[0] is '-' or '+');
    }

    private static TryParser<T?> NullableOf<T>()
        where T : struct
    {
        var inner = For<T>();
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
}
