using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Hybrid.Http;

/// <summary>
/// The one place a REST route's answer is written: a problem, or the route's status with
/// <c>Location</c> for 201 and the JSON value unless 204. A read's value carries a strong ETag and a
/// client whose copy is current gets 304; a deprecated route says so on every answer; an answer to a
/// signed-in user is <c>Cache-Control: private</c>. Everything it needs is prepared once per endpoint.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal sealed class RestResponder<TRequest, TResponse> : IDoorResponder<TRequest, TResponse>
    where TRequest : class
{
    private readonly int _status;
    private readonly bool _returnsNothing;
    private readonly LocationTemplate<TRequest, TResponse>? _location;
    private readonly bool _tagsReads;
    private readonly Func<TResponse, object?>? _version;
    private readonly DeprecationHeaders? _deprecation;
    private readonly JsonSerializerOptions _json;
    private readonly JsonTypeInfo<TResponse> _responseInfo;

    public RestResponder(
        HybridOperation operation,
        RestRoute route,
        string versionPrefix,
        RequestShape shape,
        JsonSerializerOptions json,
        JsonTypeInfo<TResponse> responseInfo)
    {
        _json = json;
        _responseInfo = responseInfo;
        _status = route.StatusCode;
        _returnsNothing = operation.ReturnsNothing;
        if (route.Location is not null)
        {
            _location = new LocationTemplate<TRequest, TResponse>(versionPrefix + "/", route.Location, shape, RequestShape.For(typeof(TResponse), json));
        }

        _tagsReads = route.Method == "GET" && !_returnsNothing && _status != StatusCodes.Status204NoContent;
        if (ResourceVersions.MemberOf(typeof(TResponse)) is { } versionMember)
        {
            _version = value => versionMember.GetValue(value);
        }

        if (route.Deprecation is { } deprecation)
        {
            _deprecation = new DeprecationHeaders(deprecation, versionPrefix[..versionPrefix.LastIndexOf('/')]);
        }
    }

    /// <summary>The headers every answer of the route carries, a stream's too: <c>Deprecation</c>, <c>Sunset</c> and the successor's <c>Link</c>.</summary>
    public void ApplyRouteHeaders(HttpContext context) => _deprecation?.Apply(context);

    public Task RespondAsync(in DoorRequest<TRequest, TResponse> request)
    {
        var context = request.HttpContext;
        _deprecation?.Apply(context);
        if (request.Problem is { } problem)
        {
            return ProblemWriter.WriteAnswerAsync(context, problem, request.Cancellation);
        }

        var response = context.Response;
        response.StatusCode = _status;
        if (_status == StatusCodes.Status204NoContent || _returnsNothing)
        {
            return Task.CompletedTask;
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            // What one user was shown is never stored by a shared cache for another.
            response.Headers.CacheControl = "private";
        }

        if (_tagsReads)
        {
            return WriteTaggedAsync(context, request.Value!, request.Cancellation);
        }

        if (_location is not null)
        {
            response.Headers.Location = _location.Resolve(request.Request!, request.Value!);
        }

        if (_version is not null)
        {
            response.Headers.ETag = EntityTags.FromVersion(_version(request.Value!));
        }

        return response.WriteAsJsonAsync(request.Value!, _responseInfo, contentType: null, request.Cancellation);
    }

    /// <summary>
    /// A read's answer: written to a buffer first, so its strong ETag (the declared version, else a
    /// hash of the bytes) is known before anything is sent, and a client whose copy is current gets 304.
    /// </summary>
    private async Task WriteTaggedAsync(HttpContext context, TResponse value, CancellationToken cancellationToken)
    {
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = _json.Encoder, Indented = _json.WriteIndented, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, value, _responseInfo);
        }

        var response = context.Response;
        var tag = _version is not null ? EntityTags.FromVersion(_version(value)) : EntityTags.FromBody(buffer.WrittenSpan);
        response.Headers.ETag = tag;
        if (context.Request.Headers.TryGetValue(HeaderNames.IfNoneMatch, out var ifNoneMatch) && EntityTags.NoneMatchFails(ifNoneMatch, tag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenMemory.Length;
        await response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }
}
