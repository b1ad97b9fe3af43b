using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid.Mcp;

/// <summary>
/// Applies a tool's rate limiting policy (<c>[EnableRateLimiting]</c>, or a convention) to each call:
/// the call's own context, which carries the tool's endpoint, goes through ASP.NET Core's rate
/// limiter middleware with the app's policies, so a named policy partitions and limits a tool call
/// exactly as it does a request, and a refusal is the same 429 problem with <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// ASP.NET Core keeps a policy's counters inside its middleware instance and offers no way to take
/// a lease from the app's instance, so the door's calls are counted by an instance of their own,
/// made from the same <see cref="RateLimiterOptions"/>: a policy limits tool calls as it limits each
/// HTTP door, but the two do not share one budget. The app's global limiter is left to the
/// <c>/mcp</c> request itself, which the app's middleware already counted.
/// </remarks>
internal sealed class McpRateLimits(IServiceProvider services)
{
    private RequestDelegate? _pipeline;

    public Task RunAsync(HttpContext call) => (_pipeline ??= Build())(call);

    private RequestDelegate Build()
    {
        var options = services.GetRequiredService<IOptionsFactory<RateLimiterOptions>>().Create(Options.DefaultName);
        options.GlobalLimiter = null;
        var app = new ApplicationBuilder(services);
        app.UseRateLimiter(options);
        app.Run(context => context.Features.GetRequiredFeature<McpCallFeature>().Tool.Endpoint.HandleAsync(context));
        return app.Build();
    }
}
