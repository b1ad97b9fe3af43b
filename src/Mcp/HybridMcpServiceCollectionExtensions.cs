using Hybrid;
using Hybrid.Mcp;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the MCP door's services. It lives in this namespace, as <c>AddHybrid</c> does, so
/// <c>Program.cs</c> needs no <c>using</c> for it.
/// </summary>
public static class HybridMcpServiceCollectionExtensions
{
    /// <summary>
    /// Registers the MCP door: the Model Context Protocol server (Streamable HTTP, stateless, so any
    /// instance answers any call) whose <c>tools/list</c> and <c>tools/call</c> are the operations
    /// marked <see cref="McpToolAttribute"/>. Call it beside <c>AddHybrid</c>, and map the door with
    /// <c>app.MapHybridMcp()</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The MCP server's builder, to add what the app serves besides its tools (prompts, resources).</returns>
    public static IMcpServerBuilder AddHybridMcp(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpContextAccessor();
        services.TryAddSingleton<McpTools>();
        services.TryAddSingleton<McpRuntime>();
        if (!services.Any(d => d.ServiceType == typeof(McpMarker)))
        {
            services.AddSingleton<McpMarker>();
            services.AddOptions<McpServerOptions>().Configure<IOptions<HybridOptions>>((server, hybrid) =>
                server.ServerInfo = new Implementation { Name = hybrid.Value.Mcp().ServerName ?? hybrid.Value.Title, Version = HybridTelemetry.Version });
        }

        return services.AddMcpServer()
            .WithHttpTransport(transport => transport.SessionMode = HttpServerSessionMode.Stateless)
            .WithListToolsHandler(McpHandlers.ListAsync)
            .WithCallToolHandler(McpHandlers.CallAsync);
    }

    /// <summary>Says the door's services are registered once, however often <see cref="AddHybridMcp"/> is called.</summary>
    private sealed class McpMarker;
}
