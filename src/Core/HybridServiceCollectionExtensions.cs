using System.Reflection;
using MediatR;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hybrid;

/// <summary>Registers Hybrid: MediatR, the handlers found, the operation catalog and what the doors need.</summary>
public static class HybridServiceCollectionExtensions
{
    /// <summary>The antiforgery header of the SPA convention: the client echoes the <c>XSRF-TOKEN</c> cookie in it.</summary>
    public const string XsrfHeaderName = "X-XSRF-TOKEN";

    private const string AspNetCoreDefaultAntiforgeryHeader = "RequestVerificationToken";

    /// <summary>Registers Hybrid and scans the given assemblies for MediatR handlers and exposed request types.</summary>
    /// <param name="services">The services.</param>
    /// <param name="assemblies">The assemblies holding handlers and request types.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddHybrid(this IServiceCollection services, params Assembly[] assemblies) =>
        services.AddHybrid(assemblies, configure: null);

    /// <summary>Registers Hybrid, scans the given assemblies, and configures it.</summary>
    /// <param name="services">The services.</param>
    /// <param name="assemblies">The assemblies holding handlers and request types.</param>
    /// <param name="configure">Configures paths and declares exposure in code.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddHybrid(this IServiceCollection services, IEnumerable<Assembly> assemblies, Action<HybridOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(assemblies);
        var scanned = assemblies.Distinct().ToArray();
        if (scanned.Length == 0)
        {
            throw new ArgumentException("Name at least one assembly to scan, e.g. AddHybrid(typeof(Program).Assembly).", nameof(assemblies));
        }

        services.AddOptions<HybridOptions>()
            .Configure(options =>
            {
                foreach (var assembly in scanned)
                {
                    if (!options.ScannedAssemblies.Contains(assembly))
                    {
                        options.ScannedAssemblies.Add(assembly);
                    }
                }

                configure?.Invoke(options);
            })
            .Validate(o => IsPath(o.ActionsPath) && IsPath(o.RestPrefix) && IsPath(o.DocumentsPath), "HybridOptions: ActionsPath, RestPrefix and DocumentsPath must start with '/' and must not end with '/'.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Title), "HybridOptions: Title must not be empty.")
            .Validate(o => o.MaxActionBodySize > 0, "HybridOptions: MaxActionBodySize must be positive.")
            .ValidateOnStart();

        // MediatR 5's own DI package is not used: register its two services so an app's registration wins.
        services.TryAddScoped<ServiceFactory>(provider => provider.GetService!);
        services.TryAddScoped<IMediator, Mediator>();
        foreach (var handler in HandlerScanner.Scan(scanned))
        {
            services.TryAdd(ServiceDescriptor.Transient(handler.ServiceType, handler.ImplementationType));
        }

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<HybridOptions>>().Value;
            var json = provider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var catalog = CatalogBuilder.Build(options.Assemblies, options, json);
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Hybrid.Catalog");
            if (logger.IsEnabled(LogLevel.Information))
            {
                var actions = catalog.Operations.Count(o => o.ActionId is not null);
                var routes = catalog.Operations.Sum(o => o.Routes.Count);
                Log.CatalogBuilt(logger, catalog.Operations.Count, actions, routes);
            }

            return catalog;
        });

        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, CatalogStartupCheck>());
        services.AddProblemDetails();
        services.AddAntiforgery();
        services.PostConfigure<AntiforgeryOptions>(options =>
        {
            if (options.HeaderName is null or AspNetCoreDefaultAntiforgeryHeader)
            {
                options.HeaderName = XsrfHeaderName;
            }
        });
        return services;
    }

    private static bool IsPath(string? path) => path is { Length: > 1 } && path[0] == '/' && path[^1] != '/';
}
