using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Blog.Posts;

/// <summary>The sample's rate-limit policies, declared on the operations they guard.</summary>
public static class BlogRateLimits
{
    /// <summary>New comments: a fixed window per client address, <c>Blog:CommentsPerMinute</c> (default 60) a minute.</summary>
    public const string Comments = "comments";

    /// <summary>Registers the policies.</summary>
    /// <param name="options">ASP.NET Core's rate limiter options.</param>
    /// <param name="commentsPerMinute">How many comments one address may post a minute.</param>
    public static void Add(RateLimiterOptions options, int commentsPerMinute) =>
        options.AddPolicy(Comments, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = commentsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
}
