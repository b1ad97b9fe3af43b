using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hybrid;

/// <summary>
/// In Development, logs the exposure inventory once the app has started, so a developer sees who may
/// call what without running the accept command. ApplicationStarted, because only then are the
/// endpoints built; hosted services start before the pipeline is.
/// </summary>
internal sealed class ExposureLog(IServiceProvider services) : IHostedService, IDisposable
{
    /// <summary>The log category of the inventory and of the unprotected-operation warnings.</summary>
    public const string Category = "Hybrid.Exposure";

    private CancellationTokenRegistration _started;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolved here, not injected: a container built without a host (a test's) has neither.
        if (services.GetService<IHostEnvironment>() is { } environment && environment.IsDevelopment()
            && services.GetService<IHostApplicationLifetime>() is { } lifetime)
        {
            _started = lifetime.ApplicationStarted.Register(Write);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _started.Dispose();

    private void Write()
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        if (!logger.IsEnabled(LogLevel.Information) || services.GetService<EndpointDataSource>() is not { } endpoints)
        {
            return;
        }

        var count = services.GetRequiredService<OperationCatalog>().Operations.Count;
        var inventory = HybridExposure.Describe(services, endpoints.Endpoints, acceptCommand: null);
        Log.ExposureInventory(logger, count, inventory);
    }
}
