using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Hybrid;

/// <summary>
/// Reads a JSON body into the request for both doors. The body is read whole into a pooled buffer
/// (under the door's limit) and deserialized from there, so when it holds mistakes the same bytes
/// are read again member by member (<see cref="PartialRead"/>) and every mistake is named in one
/// answer. A body that is not a JSON object, nests too deeply or names a property twice is refused
/// on its first mistake, as before: there is no request to validate.
/// </summary>
internal static class JsonBody
{
    /// <summary>The buffer a body of unknown length starts with; it doubles as needed.</summary>
    private const int FirstBuffer = 4096;

    /// <summary>
    /// The request, with errors null when the body bound cleanly; otherwise the errors and what could
    /// be made. Throws what reading throws (413, a broken connection) and, for a body refused on its
    /// first mistake, the serializer's <see cref="JsonException"/>.
    /// </summary>
    public static async ValueTask<(T? Request, BindingErrors? Errors)> ReadAsync<T>(
        HttpRequest request, JsonTypeInfo<T> info, Func<JsonException, JsonObject?, OperationProblem> problemOf, CancellationToken cancellationToken)
    {
        var stream = Decoded(request);
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } length and < 1024 * 1024 ? (int)length + 1 : FirstBuffer);
        var used = 0;
        try
        {
            while (true)
            {
                if (used == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, used).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(used), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                used += read;
            }

            try
            {
                return Bind(buffer.AsSpan(0, used), info, problemOf);
            }
            catch (InvalidOperationException e) when (e.InnerException is DecoderFallbackException)
            {
                // The reader checks UTF-8 only when it turns bytes into a string: invalid UTF-8 in a
                // property name surfaces while naming the member, outside the serializer's JsonException.
                // The name cannot be told, so the body as a whole is not JSON text (RFC 8259 is UTF-8).
                throw new JsonException("The request body is not valid UTF-8.", e);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!ReferenceEquals(stream, request.Body))
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A request made from no body, as from <c>{}</c>: both doors read an empty body this way, so a
    /// positional record gets its defaults and a missing C# <c>required</c> member is a field error.
    /// </summary>
    public static (T? Request, BindingErrors? Errors) Empty<T>(JsonTypeInfo<T> info, Func<JsonException, JsonObject?, OperationProblem> problemOf) =>
        Bind("{}"u8, info, problemOf);

    private static (T? Request, BindingErrors? Errors) Bind<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> info, Func<JsonException, JsonObject?, OperationProblem> problemOf)
    {
        try
        {
            return (JsonSerializer.Deserialize(utf8, info), null);
        }
        catch (JsonException first)
        {
            if (AsObject(utf8, info.Options, out var malformed) is not { } json)
            {
                // Broken or too deep further on than where the serializer stopped: that is the answer
                // (a streamed read finds it first too), not the mistake in a member before it.
                if (malformed is not null && !IsReaderError(first))
                {
                    throw new JsonException(malformed.Message, path: null, malformed.LineNumber, malformed.BytePositionInLine, malformed);
                }

                throw;
            }

            var errors = new BindingErrors();
            var request = PartialRead.Read(json, info, errors, problemOf, PartialRead.ReadingsFor(utf8.Length));
            if (!errors.Any && errors.Refusal is null)
            {
                throw; // Read as a tree it fits, read from the bytes it does not: the first answer stands.
            }

            return (request, errors);
        }
    }

    /// <summary>
    /// The body as a JSON object under the reading options' own bounds; null when it is not one, with
    /// the reader's exception when it is not even well-formed within those bounds.
    /// </summary>
    private static JsonObject? AsObject(ReadOnlySpan<byte> utf8, JsonSerializerOptions options, out JsonException? malformed)
    {
        malformed = null;
        var document = new JsonDocumentOptions
        {
            MaxDepth = RequestJson.MaxDepth(options),
            AllowTrailingCommas = options.AllowTrailingCommas,
            CommentHandling = options.ReadCommentHandling == JsonCommentHandling.Disallow ? JsonCommentHandling.Disallow : JsonCommentHandling.Skip,
            AllowDuplicateProperties = false,
        };
        try
        {
            return JsonNode.Parse(utf8, nodeOptions: null, document) as JsonObject;
        }
        catch (JsonException e)
        {
            // The reader throws its own subtype; a duplicate is a plain JsonException, which the serializer words better.
            malformed = e.GetType() == typeof(JsonException) ? null : e;
            return null;
        }
    }

    /// <summary>As <see cref="JsonBodyErrors"/> tells: the serializer wraps its reader's exception and nothing else.</summary>
    private static bool IsReaderError(JsonException exception) =>
        exception.InnerException is JsonException inner && inner.GetType() != typeof(JsonException);

    /// <summary>
    /// The body as UTF-8: a body declared in another charset is transcoded, as ASP.NET Core's own
    /// JSON reading does. A charset no encoding answers to makes the body unreadable (400).
    /// </summary>
    private static Stream Decoded(HttpRequest request)
    {
        var contentType = request.ContentType;
        if (contentType is null || !contentType.Contains("charset", StringComparison.OrdinalIgnoreCase) ||
            !MediaTypeHeaderValue.TryParse(contentType, out var type) || !type.Charset.HasValue ||
            type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return request.Body;
        }

        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(type.Charset.Value!);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // UTF-7 is refused by .NET with NotSupportedException, not as an unknown name.
            throw new InvalidDataException($"The body's charset '{type.Charset}' is not a known encoding.");
        }

        return encoding.CodePage == Encoding.UTF8.CodePage ? request.Body : Encoding.CreateTranscodingStream(request.Body, encoding, Encoding.UTF8, leaveOpen: true);
    }
}
