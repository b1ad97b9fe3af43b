using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hybrid.Http;

/// <summary>
/// Reads a route- or header-bound member's value from a JSON body by refusing it: a body may not
/// set what the URL or a header names, even to the same value, so no client comes to rely on which
/// one wins. It handles null too, so <c>"postId": null</c> is refused as well.
/// </summary>
/// <typeparam name="T">The member's type.</typeparam>
internal sealed class NotInBodyConverter<T>(RequestMember member, string source) : JsonConverter<T>
{
    public override bool HandleNull => true;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new MemberNotInBodyException(member, source);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        throw new NotSupportedException("These options only read request bodies.");
}
