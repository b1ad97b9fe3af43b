using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>What reading a body throws when the client sent something unreadable, and the problem each means.</summary>
internal static class UnreadableBody
{
    /// <summary>
    /// True for bad JSON, a body over the limit, malformed framing, a malformed or truncated form.
    /// Not when the client went away (<paramref name="cancellationToken"/> is the request's).
    /// </summary>
    public static bool Is(Exception exception, CancellationToken cancellationToken) =>
        exception is JsonException or BadHttpRequestException or InvalidDataException ||
        (exception is IOException && !cancellationToken.IsCancellationRequested);

    /// <summary>The problem for an exception <see cref="Is"/> accepted, other than a <see cref="JsonException"/> (whose fields the binder names).</summary>
    public static OperationProblem ProblemOf(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => OperationProblem.PayloadTooLarge(),
        BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } => OperationProblem.BodyTooSlow(),
        _ => OperationProblem.UnreadableBody(),
    };
}
