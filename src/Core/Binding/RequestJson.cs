using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Hybrid;

/// <summary>
/// The options both doors read request bodies with: the app's own, made strict (docs/actions-input.md).
/// <list type="bullet">
/// <item>A property named twice in one object is refused, not "last one wins", so two readers of one
/// body (a proxy, a WAF, the app) can never see different values.</item>
/// <item>A member the request type does not have is refused unless <see cref="HybridOptions.AllowUnknownMembers"/>.</item>
/// <item>Nesting is bounded by <see cref="HybridOptions.MaxJsonDepth"/>.</item>
/// <item>Only the declared request type is created: <c>$id</c>/<c>$ref</c> are never honoured (the
/// app's <c>ReferenceHandler</c> is for writing), and an exposed request type's own
/// <c>[JsonPolymorphic]</c> is ignored at the root, because MediatR dispatches on the runtime type
/// and a derived request would reach another handler. Polymorphic members keep their declared derived types.</item>
/// <item>A JSON string holding a comma list of names (<c>"Draft,Published"</c>) is refused for an
/// enum without <c>[Flags]</c>. System.Text.Json's <c>JsonStringEnumConverter</c> reads such a list
/// into any enum, as <c>Enum.Parse</c> does, so a JSON body would bind a value that the same text in
/// a route, a query or a form field is refused for.</item>
/// </list>
/// Everything else is the app's to decide, and writing is untouched.
/// </summary>
internal static class RequestJson
{
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> LenientCopies = new();

    /// <summary>The nesting bound of <paramref name="reading"/>: 0 is System.Text.Json's default of 64.</summary>
    public static int MaxDepth(JsonSerializerOptions reading) => reading.MaxDepth == 0 ? 64 : reading.MaxDepth;

    /// <summary>
    /// <paramref name="strict"/> without its required members (C# <c>required</c>,
    /// <c>[JsonRequired]</c>, required constructor parameters), everything else the same: the second
    /// reading of a body that had mistakes, once the missing members are named, so the members that
    /// are there still bind and are validated in the same round. Made on the first such body, once
    /// per reading options.
    /// </summary>
    public static JsonTypeInfo<T> Lenient<T>(JsonTypeInfo<T> strict) =>
        (JsonTypeInfo<T>)LenientCopies.GetValue(strict.Options, static reading =>
        {
            var lenient = new JsonSerializerOptions(reading) { RespectRequiredConstructorParameters = false };
            lenient.TypeInfoResolver = (reading.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(static info =>
            {
                foreach (var property in info.Properties)
                {
                    property.IsRequired = false;
                }
            });
            return lenient;
        }).GetTypeInfo(typeof(T));

    public static JsonSerializerOptions For(JsonSerializerOptions app, HybridOptions options, IEnumerable<Type> requestTypes)
    {
        var reading = new JsonSerializerOptions(app)
        {
            AllowDuplicateProperties = false,
            MaxDepth = options.MaxJsonDepth,
            ReferenceHandler = null,
        };
        if (!options.AllowUnknownMembers)
        {
            reading.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        }

        var roots = requestTypes.ToHashSet();
        reading.TypeInfoResolver = (app.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(info =>
        {
            if (info.PolymorphismOptions is not null && roots.Contains(info.Type))
            {
                info.PolymorphismOptions = null;
            }

            // A required file member is the form binder's to check: JSON never holds one.
            if (info.Kind == JsonTypeInfoKind.Object)
            {
                // A HybridRawRequest member is the door's to fill: a body naming it names an unknown member.
                for (var i = info.Properties.Count - 1; i >= 0; i--)
                {
                    if (info.Properties[i].PropertyType == typeof(HybridRawRequest))
                    {
                        info.Properties.RemoveAt(i);
                    }
                }

                foreach (var property in info.Properties)
                {
                    if (property.IsRequired && FileMembers.IsFile(property.PropertyType))
                    {
                        property.IsRequired = false;
                    }
                }
            }
        });
        reading.Converters.Insert(0, new SingleNameEnums(app));
        reading.Converters.Insert(0, new DuplicateSafeNodes(app));
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

    /// <summary>
    /// System.Text.Json's <see cref="JsonNode"/> converters, refusing duplicates with a
    /// <see cref="JsonException"/>: with duplicates disallowed they throw the
    /// <see cref="ArgumentException"/> of the object's dictionary instead, which is no client mistake
    /// to the door and would answer 500.
    /// </summary>
    private sealed class DuplicateSafeNodes(JsonSerializerOptions app) : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeof(JsonNode).IsAssignableFrom(typeToConvert);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(DuplicateSafe<>).MakeGenericType(typeToConvert), app.GetConverter(typeToConvert))!;
    }

    /// <summary>The app's converter of one node type, turning a duplicate into a <see cref="JsonException"/>.</summary>
    /// <typeparam name="T">The node type.</typeparam>
    private sealed class DuplicateSafe<T>(JsonConverter inner) : JsonConverter<T>
        where T : JsonNode
    {
        private readonly JsonConverter<T> _inner = (JsonConverter<T>)inner;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return _inner.Read(ref reader, typeToConvert, options);
            }
            catch (ArgumentException)
            {
                throw new JsonException("Duplicate property in a JSON object.");
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _inner.Write(writer, value, options);
    }
}
