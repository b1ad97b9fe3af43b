using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Mcp;

/// <summary>
/// The door's part of Hybrid's one start-up report: the catalog's errors about tools, and one
/// warning naming the tools without a description (errors under <see cref="HybridOptions.RequireExplicitPolicy"/>).
/// </summary>
internal static class McpStartupCheck
{
    public static IEnumerable<HybridConfigurationError> Run(IServiceProvider services, McpToolCatalog tools)
    {
        if (tools.Undescribed.Count > 0)
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(McpLog.Category);
            var named = string.Join(", ", tools.Undescribed.Take(HybridStartupCheck.NamedInWarning).Select(t => $"{t.Name} ({t.Operation})"));
            McpLog.Undescribed(logger, tools.Undescribed.Count, tools.Undescribed.Count > HybridStartupCheck.NamedInWarning ? named + $" and {tools.Undescribed.Count - HybridStartupCheck.NamedInWarning} more" : named, McpToolCatalog.DescriptionFix);
        }

        return tools.Errors;
    }
}
