using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>
/// The request exactly as the REST door received it, for a request member of this type: the body
/// bytes the JSON members were bound from, the headers and the content type. The REST door fills
/// it on POST, PUT and PATCH routes; it is never bound from JSON or a form and is not part of the
/// request's schema in the documents. Use it to check a signature the library does not know, or
/// to keep the payload as sent.
/// </summary>
[JsonConverter(typeof(HybridRawRequestJsonConverter))]
public sealed class HybridRawRequest
{
    internal HybridRawRequest(ReadOnlyMemory<byte> body, IHeaderDictionary headers, string? contentType)
    {
        Body = body;
        Headers = headers;
        ContentType = contentType;
    }

    /// <summary>The body, byte for byte as the client sent it.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The request's headers.</summary>
    public IHeaderDictionary Headers { get; }

    /// <summary>The request's <c>Content-Type</c>, if any.</summary>
    public string? ContentType { get; }
}
