using Microsoft.Extensions.Logging;

namespace Hybrid.Mcp;

/// <summary>The MCP door's log messages.</summary>
internal static partial class McpLog
{
    /// <summary>The category the door logs under.</summary>
    public const string Category = "Hybrid.Mcp";

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "MCP door refused a call of the tool {Tool}: {Status} {Code} (its operation's policy does not let this caller through)")]
    public static partial void Refused(ILogger logger, string tool, int status, string code);

    [LoggerMessage(EventId = 111, Level = LogLevel.Debug, Message = "MCP door was asked for the unknown tool {Tool}")]
    public static partial void UnknownTool(ILogger logger, string tool);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "HYB112: {Count} MCP tool(s) have no description, so an agent cannot tell when to call them: {Tools}. {Fix} HybridOptions.RequireExplicitPolicy makes each an error.")]
    public static partial void Undescribed(ILogger logger, int count, string tools, string fix);

    [LoggerMessage(EventId = 113, Level = LogLevel.Information, Message = "MCP door challenged an anonymous call of the protected tool {Tool} with 401 and its protected-resource metadata")]
    public static partial void Challenged(ILogger logger, string tool);
}
