using System.Text.Json;

namespace Hybrid.Http;

/// <summary>
/// Thrown while reading a JSON body that names a member the route takes from its URL or a header.
/// A <see cref="JsonException"/>, so System.Text.Json stops at once and the endpoint answers 400.
/// </summary>
internal sealed class MemberNotInBodyException : JsonException
{
    public MemberNotInBodyException(RequestMember member, string source)
        : base($"'{member.JsonName}' comes from the {source}.")
    {
        Member = member;
        Origin = source;
    }

    public RequestMember Member { get; }

    /// <summary>Where the member is read from instead: <c>URL</c> or <c>header '...'</c>.</summary>
    public string Origin { get; }

    /// <summary>The field error a client reads.</summary>
    public string FieldMessage => $"The {Member.JsonName} value comes from the {Origin}; the body must not name it.";
}
