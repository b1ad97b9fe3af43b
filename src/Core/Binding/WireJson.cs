using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hybrid;

/// <summary>
/// The JSON options both doors read and write with, and the documents describe: the app's own
/// (<c>Microsoft.AspNetCore.Http.Json.JsonOptions</c>: naming policy, converters, resolvers, number
/// handling), copied, with enums by name unless <see cref="HybridOptions.EnumsAsNumbers"/>
/// (<see cref="EnumNames"/>). A copy, because Hybrid changes no app-wide setting: the app's own
/// endpoints keep writing what they wrote.
/// </summary>
internal static class WireJson
{
    public static JsonSerializerOptions For(JsonSerializerOptions app, HybridOptions options)
    {
        if (options.EnumsAsNumbers)
        {
            return app;
        }

        var wire = new JsonSerializerOptions(app);
        wire.Converters.Add(new EnumNames());
        return wire;
    }

    /// <summary>
    /// HYB071: <see cref="HybridOptions.EnumsAsNumbers"/> asks for numbers while the app's JSON options
    /// write every enum as a name, so one of the two statements is not what the app means.
    /// </summary>
    public static HybridConfigurationError? Conflict(JsonSerializerOptions app, HybridOptions options) =>
        options.EnumsAsNumbers && app.Converters.Any(IsStringEnumConverter)
            ? new HybridConfigurationError("HYB071", "HybridOptions.EnumsAsNumbers is on, but the app's JSON options (JsonOptions.SerializerOptions.Converters) hold a JsonStringEnumConverter, which writes enums as names on both doors anyway. Fix: remove one of them; for numbers on the wire, remove the converter.")
            : null;

    private static bool IsStringEnumConverter(JsonConverter converter)
    {
        for (var type = converter.GetType(); type is not null; type = type.BaseType)
        {
            if (type == typeof(JsonStringEnumConverter) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(JsonStringEnumConverter<>)))
            {
                return true;
            }
        }

        return false;
    }
}
