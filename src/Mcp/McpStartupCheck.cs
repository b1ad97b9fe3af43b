using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Mcp;

/// <summary>
/// The door's part of Hybrid's start-up: one warning naming the tools without a description (the
/// door's reading of the catalog reports its errors, and HYB112 for these under <see cref="HybridOptions.RequireExplicitPolicy"/>).
/// </summary>
internal static class McpStartupCheck
{
    public static IEnumerable<HybridConfigurationError> Run(IServiceProvider services, McpToolIndex tools)
    {
        if (tools.Undescribed.Count > 0)
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(McpLog.Category);
            var named = string.Join(", ", tools.Undescribed.Take(HybridStartupCheck.NamedInWarning).Select(t => $"{t.Name} ({t.Operation})"));
            McpLog.Undescribed(logger, tools.Undescribed.Count, tools.Undescribed.Count > HybridStartupCheck.NamedInWarning ? named + $" and {tools.Undescribed.Count - HybridStartupCheck.NamedInWarning} more" : named, McpDoor.DescriptionFix);
        }

        return [];
    }
}
