using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;

namespace Hybrid.Mcp;

/// <summary>What the door's <c>tools/list</c> and <c>tools/call</c> handlers share for the app's lifetime.</summary>
internal sealed class McpRuntime(IServiceProvider services)
{
    private EndpointDataSource? _endpoints;
    private EndpointSettingsStore? _settings;
    private McpRateLimits? _rateLimits;
    private ILogger? _logger;

    public McpTools Tools { get; } = services.GetRequiredService<McpTools>();

    public McpToolPolicy Policy { get; } = new(services.GetRequiredService<EndpointPolicies>());

    public EndpointDataSource Endpoints => _endpoints ??= services.GetRequiredService<EndpointDataSource>();

    public McpRateLimits RateLimits => _rateLimits ??= new McpRateLimits(services);

    public ILogger Logger => _logger ??= services.GetRequiredService<ILoggerFactory>().CreateLogger(McpLog.Category);

    /// <summary>The settings of a tool's endpoint, resolved from its final metadata (locked at start-up).</summary>
    public EndpointSettings SettingsOf(McpToolEntry tool) => (_settings ??= services.GetRequiredService<EndpointSettingsStore>()).Of(tool.Hybrid);

    /// <summary>The <c>/mcp</c> request the message came in: the door serves its tools over HTTP only.</summary>
    public HttpContext Transport(IServiceProvider? requestServices) =>
        (requestServices ?? services).GetService<IHttpContextAccessor>()?.HttpContext
        ?? throw new McpProtocolException("Hybrid's MCP door serves its tools over Streamable HTTP only (app.MapHybridMcp()).", McpErrorCode.InternalError);
}
