using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hybrid;

/// <summary>
/// The options both doors read request bodies with: the app's own, except that a JSON string
/// holding a comma list of names (<c>"Draft,Published"</c>) is refused for an enum without
/// <c>[Flags]</c>. System.Text.Json's <c>JsonStringEnumConverter</c> reads such a list into any
/// enum, as <c>Enum.Parse</c> does, so a JSON body would bind a value (here <c>Draft | Published</c>)
/// that the same text in a route, a query or a form field is refused for. Everything else is the
/// app's converter's to decide, and writing is untouched.
/// </summary>
internal static class RequestJson
{
    public static JsonSerializerOptions For(JsonSerializerOptions app)
    {
        var reading = new JsonSerializerOptions(app);
        reading.Converters.Insert(0, new SingleNameEnums(app));
        return reading;
    }

    private sealed class SingleNameEnums(JsonSerializerOptions app) : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum && !typeToConvert.IsDefined(typeof(FlagsAttribute), inherit: false);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(SingleName<>).MakeGenericType(typeToConvert), app.GetConverter(typeToConvert))!;
    }

    /// <summary>The app's converter of one enum, refusing a comma list before it reads one.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    private sealed class SingleName<T>(JsonConverter inner) : JsonConverter<T>
        where T : struct, Enum
    {
        private readonly JsonConverter<T> _inner = (JsonConverter<T>)inner;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            ThrowIfList(ref reader);
            return _inner.Read(ref reader, typeToConvert, options);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _inner.Write(writer, value, options);

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            ThrowIfList(ref reader);
            return _inner.ReadAsPropertyName(ref reader, typeToConvert, options);
        }

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _inner.WriteAsPropertyName(writer, value, options);

        private static void ThrowIfList(ref Utf8JsonReader reader)
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName &&
                (reader.ValueIsEscaped || reader.HasValueSequence ? reader.GetString()!.Contains(',', StringComparison.Ordinal) : reader.ValueSpan.IndexOf((byte)',') >= 0))
            {
                throw new JsonException($"A comma list of names is only valid for a [Flags] enum, and {typeof(T).Name} is not one.");
            }
        }
    }
}
