using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Hybrid.Http;

/// <summary>The <see cref="HybridRawRequest"/> members of a request type, which the REST door sets from the body it buffered.</summary>
internal sealed class RawRequestMembers
{
    private readonly PropertyInfo[] _members;

    private RawRequestMembers(PropertyInfo[] members) => _members = members;

    /// <summary>The members of <paramref name="type"/>, or null when it has none.</summary>
    public static RawRequestMembers? For(Type type)
    {
        PropertyInfo[] members = [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(HybridRawRequest) && p.SetMethod is { IsPublic: true })];
        return members.Length == 0 ? null : new RawRequestMembers(members);
    }

    public void Fill(object request, HttpContext context)
    {
        // The guard buffered the body before binding whenever the operation has such a member.
        var body = context.Features.Get<BufferedBody>()?.Bytes ?? ReadOnlyMemory<byte>.Empty;
        // A copy: the server reuses the request's header collection once the request ends, and a
        // handler may keep the raw request longer (e.g. queue it).
        var headers = new HeaderDictionary(context.Request.Headers.Count);
        foreach (var (name, value) in context.Request.Headers)
        {
            headers[name] = value;
        }

        var raw = new HybridRawRequest(body, headers, context.Request.ContentType);
        foreach (var member in _members)
        {
            member.SetValue(request, raw);
        }
    }
}
