using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hybrid;

/// <summary>What every stream endpoint shares: the log, the open-stream limits, the app's stopping token, the clock, problems as JSON.</summary>
internal sealed class StreamServices(
    IStreamLog log,
    StreamLimits limits,
    IOptions<HybridOptions> options,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> httpJson,
    ILoggerFactory loggers,
    HybridMetrics metrics,
    TimeProvider time,
    IHostApplicationLifetime? lifetime = null)
{
    public IStreamLog Log { get; } = log;

    public StreamLimits Limits { get; } = limits;

    public HybridStreamOptions Options { get; } = options.Value.Streams;

    public ILogger Logger { get; } = loggers.CreateLogger("Hybrid.Streams");

    public TimeProvider Time { get; } = time;

    public HybridMetrics Metrics { get; } = metrics;

    /// <summary>Cancelled when the app begins to stop: every stream then ends with a resumable close.</summary>
    public CancellationToken Stopping { get; } = lifetime?.ApplicationStopping ?? CancellationToken.None;

    /// <summary>A problem as the JSON an <c>error</c>, <c>reset</c> or <c>auth_expired</c> event carries: the same members as the problem answer.</summary>
    public byte[] ProblemJson(OperationProblem problem, HttpContext context)
    {
        var details = ProblemWriter.ToProblemDetails(problem, context);
        return JsonSerializer.SerializeToUtf8Bytes(details, details.GetType(), httpJson.Value.SerializerOptions);
    }

    /// <summary>When the credential the request was authenticated with expires, if it says (a bearer token's <c>exp</c>, a cookie ticket's expiry).</summary>
    public static DateTimeOffset? CredentialExpiry(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var expires = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.ExpiresUtc;
        if (context.User.FindFirst("exp") is { } claim && long.TryParse(claim.Value, out var seconds))
        {
            var exp = DateTimeOffset.FromUnixTimeSeconds(seconds);
            expires = expires is null || exp < expires ? exp : expires;
        }

        return expires;
    }

    /// <summary>Who a stream's log belongs to: the operation, the caller, and the request's JSON, hashed.</summary>
    public static string Owner(string operation, ClaimsPrincipal user, ReadOnlySpan<byte> requestJson)
    {
        var caller = user.Identity?.IsAuthenticated == true
            ? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.Identity.Name ?? "authenticated"
            : string.Empty;
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(operation + "\n" + caller + "\n"));
        hash.AppendData(requestJson);
        return Convert.ToBase64String(hash.GetHashAndReset());
    }
}
