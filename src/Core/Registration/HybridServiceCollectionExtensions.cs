using System.Reflection;
using System.Runtime.CompilerServices;
using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers Hybrid: MediatR, the handlers found, the operation catalog and what the doors need.
/// It lives in this namespace, as <c>AddMediatR</c> and ASP.NET Core's own <c>Add...</c> methods do,
/// so <c>Program.cs</c> needs no <c>using</c> for it.
/// </summary>
public static class HybridServiceCollectionExtensions
{
    /// <summary>Registers Hybrid and scans the given assemblies for MediatR handlers and exposed request types.</summary>
    /// <param name="services">The services.</param>
    /// <param name="assemblies">The assemblies holding handlers and request types.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddHybrid(this IServiceCollection services, params Assembly[] assemblies) =>
        services.AddHybrid(assemblies, configure: null);

    /// <summary>Registers Hybrid, scans the given assemblies, and configures it.</summary>
    /// <param name="services">The services.</param>
    /// <param name="assemblies">The assemblies holding handlers and request types.</param>
    /// <param name="configure">Configures paths and limits, and declares exposure in code.</param>
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

        // Before any MediatR type is touched: another major line fails here with HYB095, not with a TypeLoadException below.
        if (MediatRVersion.Check() is { } wrongMediatR)
        {
            throw new HybridConfigurationException([wrongMediatR]);
        }

        AddHybridServices(services, scanned, configure);
        return services;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddHybridServices(IServiceCollection services, Assembly[] scanned, Action<HybridOptions>? configure)
    {
        var first = !services.Any(d => d.ServiceType == typeof(ScannedHandlers));
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
            });

        // Validated once, with every other check, when the app starts (HybridStartupCheck); reading invalid options throws with the same ids.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HybridOptions>, HybridOptionsValidator>());

        // What sending needs, registered as MediatR 12's AddMediatR registers it (TryAdd, transient), so
        // an app that also calls AddMediatR, before or after, gets each handler once. Behaviours,
        // processors and notification handlers are the app's (AddMediatR): Hybrid adds none of them.
        services.TryAddTransient<IMediator, Mediator>();
        services.TryAddTransient<ISender>(provider => provider.GetRequiredService<IMediator>());
        services.TryAddTransient<IPublisher>(provider => provider.GetRequiredService<IMediator>());
        var handlers = HandlerScanner.Scan(scanned);
        foreach (var handler in handlers)
        {
            services.TryAdd(ServiceDescriptor.Transient(handler.ServiceType, handler.ImplementationType));
        }

        services.AddSingleton(new ScannedHandlers(scanned, handlers));
        services.TryAddSingleton<IRequestDispatcher, MediatRRequestDispatcher>();
        services.TryAddSingleton(BuildCatalog);
        services.TryAddSingleton<HybridMetrics>();
        services.TryAddScoped<IRevalidation, Revalidation>();
        services.AddHttpContextAccessor();
        services.TryAddSingleton<EndpointPolicies>();
        services.TryAddSingleton<OperationAccess>();
        services.TryAddScoped(provider => new HybridSender(
            provider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>(),
            provider.GetRequiredService<OperationAccess>(),
            provider.GetRequiredService<OperationCatalog>(),
            provider.GetRequiredService<IRequestDispatcher>(),
            provider.GetRequiredService<HybridMetrics>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddMetrics();
        services.TryAddSingleton<EndpointSettingsStore>();
        services.TryAddSingleton<IStreamLog, MemoryStreamLog>();
        services.TryAddSingleton<StreamLimits>();
        services.TryAddSingleton<StreamServices>();
        services.TryAddScoped<StreamContext>();
        services.TryAddScoped<IStreamContext>(provider => provider.GetRequiredService<StreamContext>());
        services.TryAddSingleton<MappedDoors>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ExposureLog>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, HybridStartupCheck>());
        services.AddProblemDetails();

        // Idempotent retries and webhook ids are kept through IDistributedCache: the in-memory one
        // unless the app registers another (Redis), before or after this call.
        services.AddDistributedMemoryCache();
        services.TryAddSingleton(TimeProvider.System);

        // A failed plain form post carries its state back to the page in a protected cookie.
        services.AddDataProtection();
        if (first)
        {
            services.PostConfigure<RateLimiterOptions>(RateLimitProblems.Configure);
            AddProblemAnswersForAuthorization(services);
        }
    }

    private static OperationCatalog BuildCatalog(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<HybridOptions>>().Value;
        var json = provider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        // AddHybrid may run more than once; every scan it made is used, and handlers are scanned once per call.
        var scans = provider.GetServices<ScannedHandlers>().ToList();
        var found = scans.SelectMany(s => s.Handlers).Concat(HandlerScanner.Scan(options.Assemblies.Except(scans.SelectMany(s => s.Assemblies)))).ToList();
        var catalog = CatalogBuilder.Collect(options.Assemblies, found, options, json);
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Hybrid.Catalog");
        if (logger.IsEnabled(LogLevel.Information))
        {
            var doors = string.Join(", ", catalog.Operations.SelectMany(o => o.DeclaredDoors).GroupBy(d => d, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
            Log.CatalogBuilt(logger, catalog.Operations.Count, doors.Length == 0 ? "none" : doors);
        }

        return catalog;
    }

    /// <summary>
    /// 401 and 403 answered by ASP.NET Core's authorization middleware for Hybrid's endpoints get a
    /// problem body with a <c>code</c>, as every other refusal does. The app's own result handler,
    /// when it registered one before <c>AddHybrid</c>, still decides; other endpoints are untouched.
    /// </summary>
    private static void AddProblemAnswersForAuthorization(IServiceCollection services)
    {
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(IAuthorizationMiddlewareResultHandler));
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler>(provider => new HybridAuthorizationResultHandler(
            existing is null || existing.ImplementationType == typeof(AuthorizationMiddlewareResultHandler)
                ? new AuthorizationMiddlewareResultHandler()
                : (IAuthorizationMiddlewareResultHandler)(existing.ImplementationInstance
                    ?? existing.ImplementationFactory?.Invoke(provider)
                    ?? ActivatorUtilities.CreateInstance(provider, existing.ImplementationType!)))));
    }

}
