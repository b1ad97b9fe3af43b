using Hybrid.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hybrid.Core.Tests.Support;

/// <summary>
/// AddHybrid over an explicit set of types, and the door-neutral pipeline called directly with a
/// DefaultHttpContext, as both doors call it.
/// </summary>
internal sealed class PipelineHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PipelineHost(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public CallLog Calls => _services.GetRequiredService<CallLog>();

    public CapturedLogs Logs => _services.GetRequiredService<CapturedLogs>();

    public OperationCatalog Catalog => _services.GetRequiredService<OperationCatalog>();

    /// <summary>Registers Hybrid over the given types.</summary>
    /// <param name="expose">Declares the exposure of the request types.</param>
    /// <param name="types">The request types and handlers scanned.</param>
    /// <param name="before">Registrations made before AddHybrid.</param>
    /// <param name="after">Registrations made after AddHybrid.</param>
    public static PipelineHost Create(
        Action<HybridOptions> expose,
        Type[] types,
        Action<IServiceCollection>? before = null,
        Action<IServiceCollection>? after = null)
    {
        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddSingleton(logs);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSingleton<CallLog>();
        before?.Invoke(services);
        services.AddHybrid([new ScannedTypes(types)], expose);
        after?.Invoke(services);
        return new PipelineHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
    }

    public async Task<Outcome<TResponse>> InvokeAsync<TRequest, TResponse>(TRequest request, CancellationToken aborted = default)
        where TRequest : class
    {
        var invoker = new OperationInvoker<TRequest, TResponse>(
            Catalog.Validators,
            _services.GetRequiredService<IRequestDispatcher>(),
            _services.GetRequiredService<ILoggerFactory>().CreateLogger("Hybrid.Pipeline"),
            _services.GetRequiredService<IOptions<HybridOptions>>().Value);
        await using var scope = _services.CreateAsyncScope();
        var context = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            TraceIdentifier = "trace-0001",
            RequestAborted = aborted,
        };
        return await invoker.InvokeAsync(request, context, aborted);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
