using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>A door's endpoint for one operation, seen without its type arguments when it is mapped.</summary>
internal interface IDoorEndpoint
{
    /// <summary>The operation the endpoint runs.</summary>
    HybridOperation Operation { get; }

    /// <summary>The endpoint's precompiled <see cref="RequestDelegate"/>.</summary>
    Task HandleAsync(HttpContext context);
}
