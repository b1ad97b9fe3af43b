using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hybrid;

/// <summary>
/// Finds exposed endpoints that state nothing about who may call them: a warning each, or HYB045
/// under <see cref="HybridOptions.RequireExplicitPolicy"/>. A startup filter, because it runs after the
/// app's pipeline (and so every endpoint and convention) is built but before the server listens, so
/// the check reads final endpoint metadata and an error still keeps the app from starting.
/// </summary>
internal sealed class ExposureStartupCheck : IStartupFilter
{
    public const string Fix =
        "Fix: add [Authorize(...)] or [AllowAnonymous] to the request type or its handler, declare it in code, " +
        "or add a convention on the door (e.g. MapHybridRest().RequireAuthorization()).";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        Check(app.ApplicationServices);
    };

    private static void Check(IServiceProvider services)
    {
        var endpoints = services.GetService<EndpointDataSource>()?.Endpoints ?? [];
        if (!endpoints.Any(e => e.Metadata.GetMetadata<HybridEndpointMetadata>() is not null))
        {
            return;
        }

        var unprotected = ExposureInventory.Read(services, endpoints).Rows
            .Select(r => (Row: r, Endpoints: string.Join(", ", r.Unprotected.Select(e => e.Hybrid.ToString()))))
            .Where(u => u.Endpoints.Length > 0)
            .ToList();
        if (unprotected.Count == 0)
        {
            return;
        }

        if (services.GetRequiredService<IOptions<HybridOptions>>().Value.RequireExplicitPolicy)
        {
            throw new HybridConfigurationException([.. unprotected.Select(u => new HybridConfigurationError(
                "HYB045",
                $"{ExposureInventory.Name(u.Row.Operation)} is exposed ({u.Endpoints}) with no authorization policy and no [AllowAnonymous], and HybridOptions.RequireExplicitPolicy is on. {Fix}"))]);
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(ExposureLog.Category);
        foreach (var (row, exposed) in unprotected)
        {
            Log.UnprotectedOperation(logger, ExposureInventory.Name(row.Operation), exposed, Fix + " HybridOptions.RequireExplicitPolicy makes this an error (HYB045).");
        }
    }
}
