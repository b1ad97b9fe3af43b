using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid;

/// <summary>
/// Stands in for a door endpoint until its operation's first request, then builds it once: the
/// JSON metadata of the response, binders, filters and compiled constructors of an operation nobody
/// calls cost nothing at start-up, which keeps start-up flat as a catalog grows. The build locks the
/// endpoint's settings from the routed endpoint's final metadata first (the start-up check has
/// normally locked them already), so the endpoint is composed from them.
/// </summary>
internal sealed class LazyDoorEndpoint(HybridOperation operation, Func<IDoorEndpoint> create) : IDoorEndpoint
{
    private readonly Lock _gate = new();
    private IDoorEndpoint? _built;

    public HybridOperation Operation { get; } = operation;

    public Task HandleAsync(HttpContext context) => (Volatile.Read(ref _built) ?? Build(context)).HandleAsync(context);

    private IDoorEndpoint Build(HttpContext context)
    {
        lock (_gate)
        {
            if (_built is null)
            {
                var settings = context.RequestServices.GetRequiredService<EndpointSettingsStore>().OfRouted(context);
                if (settings?.Timeout is { } timeout)
                {
                    CheckTimeoutApplied(context, timeout);
                }

                Volatile.Write(ref _built, create());
            }

            return _built;
        }
    }

    /// <summary>
    /// HYB077 once per endpoint, which only a request can tell: a declared timeout the middleware did
    /// not apply (no <c>UseRequestTimeouts()</c>, or it runs before routing). The middleware applies
    /// none while a debugger is attached, by design.
    /// </summary>
    private void CheckTimeoutApplied(HttpContext context, EndpointTimeout timeout)
    {
        if (context.Features.Get<IHttpRequestTimeoutFeature>() is null && !Debugger.IsAttached)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Hybrid.Doors");
            Log.TimeoutNotApplied(logger, Operation.RequestType.Name, timeout.ToString());
        }
    }
}
