using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hybrid;

/// <summary>
/// Every configuration check of Hybrid, at one moment, in one report: the options, the catalog, the
/// final endpoints' settings and who may call them. A startup filter, because it runs after the
/// app's pipeline (and so every endpoint and convention) is built but before the server listens: the
/// checks read final metadata, every endpoint's settings are resolved and locked here, and an error
/// keeps the app from serving a single request.
/// </summary>
internal sealed class HybridStartupCheck : IStartupFilter
{
    public const string PolicyFix =
        "Fix: add [Authorize(...)] or [AllowAnonymous] to the request type or its handler, declare it in code, " +
        "or add a convention on the door (e.g. MapHybridRest().RequireAuthorization()).";

    /// <summary>The most operations the warning names; the rest are counted (the exposure inventory lists every one).</summary>
    public const int NamedInWarning = 10;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        Run(app.ApplicationServices);
    };

    public static void Run(IServiceProvider services) =>
        Run(services, services.GetService<EndpointDataSource>()?.Endpoints ?? []);

    /// <summary>
    /// Runs every check over <paramref name="endpoints"/>, resolving and locking their settings; throws
    /// one <see cref="HybridConfigurationException"/> listing every problem, and logs unprotected operations.
    /// </summary>
    public static void Run(IServiceProvider services, IReadOnlyList<Endpoint> endpoints)
    {
        var errors = Check(services, endpoints, out var unprotected);
        if (errors.Count > 0)
        {
            throw new HybridConfigurationException(errors);
        }

        if (unprotected.Count > 0)
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(ExposureLog.Category);
            Log.UnprotectedOperations(logger, unprotected.Count, Summary(unprotected), PolicyFix + " HybridOptions.RequireExplicitPolicy makes each an error (HYB045).");
        }
    }

    /// <summary>
    /// One line for every unprotected operation, not one line each: a new app states no policy on any
    /// of its operations, and a hundred warnings hide everything else the start-up logs. The first
    /// <see cref="NamedInWarning"/> are named with their endpoints, the others counted.
    /// </summary>
    public static string Summary(IReadOnlyList<(string Operation, string Endpoints)> unprotected)
    {
        var named = string.Join("; ", unprotected.Take(NamedInWarning).Select(u => $"{u.Operation} ({u.Endpoints})"));
        return unprotected.Count <= NamedInWarning
            ? named
            : $"{named}; and {unprotected.Count - NamedInWarning} more (the exposure inventory lists each)";
    }

    /// <summary>The options' problems with their ids, or none when they are valid.</summary>
    public static IReadOnlyList<HybridConfigurationError> OptionsErrors(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<HybridOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures.Select(HybridConfigurationError.Parse)];
        }
    }

    private static List<HybridConfigurationError> Check(IServiceProvider services, IReadOnlyList<Endpoint> endpoints, out List<(string Operation, string Endpoints)> unprotected)
    {
        unprotected = [];
        var errors = OptionsErrors(services).ToList();
        if (errors.Count > 0)
        {
            // The catalog and the doors are built from the options; their checks would only repeat these.
            return errors;
        }

        var catalog = services.GetRequiredService<OperationCatalog>();
        errors.AddRange(catalog.Errors);
        errors.AddRange(catalog.Doors.Errors);
        var settings = services.GetRequiredService<EndpointSettingsStore>().Resolve(endpoints);
        errors.AddRange(EndpointChecks.Run([.. settings.Where(s => !catalog.Doors.Failed(s.Operation))], catalog, services));
        errors.AddRange(services.GetRequiredService<MappedDoors>().RunChecks(services));

        var strict = services.GetRequiredService<IOptions<HybridOptions>>().Value.RequireExplicitPolicy;
        foreach (var operation in settings.Where(s => s.Authorization.Policy == PolicyText.None).GroupBy(s => s.Operation).OrderBy(g => EndpointChecks.Name(g.Key), StringComparer.Ordinal))
        {
            var exposed = string.Join(", ", operation.Select(s => s.Endpoint.ToString()));
            if (strict)
            {
                errors.Add(new HybridConfigurationError(
                    "HYB045",
                    $"{EndpointChecks.Name(operation.Key)} is exposed ({exposed}) with no authorization policy and no [AllowAnonymous], and HybridOptions.RequireExplicitPolicy is on. {PolicyFix}"));
            }
            else
            {
                unprotected.Add((EndpointChecks.Name(operation.Key), exposed));
            }
        }

        return errors;
    }
}
