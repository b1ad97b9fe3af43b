using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hybrid;

/// <summary>
/// Hybrid's default for enums on both doors: <see cref="JsonStringEnumConverter"/> (names as
/// declared or as <c>[JsonStringEnumMemberName]</c> gives them; numbers still read). It stands
/// behind the app's own choices: it is the last converter of the doors' options, so a converter
/// the app registered for an enum wins, and it passes over an enum whose type carries its own
/// <c>[JsonConverter]</c> (which the options' converters would otherwise override) and a
/// <c>[Flags]</c> enum, whose combined values are numbers that C# and TypeScript both combine with
/// <c>|</c>, where a comma list of names would fit no schema a client generator can type.
/// </summary>
internal sealed class EnumNames : JsonConverterFactory
{
    private readonly JsonStringEnumConverter _names = new();

    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsEnum &&
        !typeToConvert.IsDefined(typeof(FlagsAttribute), inherit: false) &&
        !typeToConvert.IsDefined(typeof(JsonConverterAttribute), inherit: false);

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) => _names.CreateConverter(typeToConvert, options);
}
