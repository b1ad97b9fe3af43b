using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hybrid;

/// <summary>
/// Builds the catalog when the host starts, so an inconsistent one stops the app even when no door
/// is mapped yet (the doors' Map calls normally build it earlier).
/// </summary>
internal sealed class CatalogStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<OperationCatalog>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
