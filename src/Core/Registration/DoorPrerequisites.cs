using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid;

/// <summary>
/// What every door's <c>Map...</c> call needs before it maps: Hybrid's services (else HYB040 now,
/// since nothing else would report it) and valid options. With invalid options or an inconsistent
/// catalog the door maps what it can and the start-up check reports every problem at once.
/// </summary>
internal static class DoorPrerequisites
{
    /// <summary>
    /// Registers <paramref name="door"/> and returns the catalog, the options and what the door exposes
    /// of the catalog (its checks' problems join the one start-up report), or <see langword="null"/>
    /// when the options are invalid (the start-up check reports them).
    /// </summary>
    public static (OperationCatalog Catalog, HybridOptions Options, IReadOnlyDictionary<HybridOperation, object> Exposed)? Read(IEndpointRouteBuilder endpoints, string mapMethod, HybridDoor door)
    {
        var services = endpoints.ServiceProvider;
        if (services.GetService<EndpointSettingsStore>() is null)
        {
            throw new HybridConfigurationException([new HybridConfigurationError(
                "HYB040",
                $"{mapMethod}() was called, but Hybrid's services are not registered. Fix: call builder.Services.AddHybrid(typeof(Program).Assembly) before builder.Build().")]);
        }

        services.GetRequiredService<MappedDoors>().AddRoutes(endpoints);
        if (HybridStartupCheck.OptionsErrors(services).Count > 0)
        {
            return null;
        }

        var catalog = services.GetRequiredService<OperationCatalog>();
        return (catalog, services.GetRequiredService<IOptions<HybridOptions>>().Value, catalog.Doors.Of(door, catalog));
    }
}
