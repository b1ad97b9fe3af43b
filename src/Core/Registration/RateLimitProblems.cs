using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Hybrid;

/// <summary>
/// Makes ASP.NET Core rate limiting answer Hybrid's endpoints as every other refusal is answered:
/// 429 problem details with code <c>rate_limited</c> and <c>Retry-After</c> (the limiter's own
/// figure, else one second). The app's <c>OnRejected</c> still runs first for every endpoint, and
/// alone decides for endpoints that are not Hybrid's.
/// </summary>
internal static class RateLimitProblems
{
    public static void Configure(RateLimiterOptions options)
    {
        var appHandler = options.OnRejected;
        options.OnRejected = async (rejected, cancellationToken) =>
        {
            if (appHandler is not null)
            {
                await appHandler(rejected, cancellationToken).ConfigureAwait(false);
            }

            var context = rejected.HttpContext;
            if (context.Response.HasStarted || context.GetEndpoint()?.Metadata.GetMetadata<HybridEndpointMetadata>() is null)
            {
                return;
            }

            var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
            var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await ProblemWriter.WriteAsync(
                context,
                OperationProblem.Create(429, ProblemCodes.RateLimited, $"Too many requests for this operation. Retry after {seconds} s.", "Retry-After", seconds)).ConfigureAwait(false);
        };
    }
}
