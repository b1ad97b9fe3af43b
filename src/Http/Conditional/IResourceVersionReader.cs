using Microsoft.AspNetCore.Http;

namespace Hybrid.Http;

/// <summary>Reads a resource's current entity tag through the GET operation that serves it.</summary>
internal interface IResourceVersionReader
{
    /// <summary>
    /// The current tag (null when the resource does not exist), or the problem the read answered
    /// other than 404 (e.g. 403), which the write then answers too.
    /// </summary>
    Task<(string? Tag, OperationProblem? Problem)> ReadAsync(HttpContext context, CancellationToken cancellationToken);
}
