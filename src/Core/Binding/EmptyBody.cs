using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Hybrid;

/// <summary>
/// A request made from no body, as from <c>{}</c>: both doors read an empty body this way, so a
/// positional record gets its defaults and a missing C# <c>required</c> member is a field error.
/// </summary>
internal static class EmptyBody
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    public static T? Create<T>(JsonTypeInfo<T> info) => JsonSerializer.Deserialize(EmptyObject, info);
}
