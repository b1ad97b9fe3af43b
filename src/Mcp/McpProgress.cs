using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Hybrid.Mcp;

/// <summary>
/// Where a call's progress goes, when its caller asked for it (a <c>progressToken</c> in the call's
/// <c>_meta</c>): the server the SDK bound to the call, which writes each notification on the call's
/// own response stream (stateless Streamable HTTP has no other), before the result.
/// </summary>
internal sealed class McpProgress(McpServer server, ProgressToken token)
{
    /// <summary>The caller's progress, or <see langword="null"/> when it sent no token.</summary>
    public static McpProgress? Of(RequestContext<CallToolRequestParams> request) =>
        request.Params?.ProgressToken is { } token ? new McpProgress(request.Server, token) : null;

    /// <summary>Sends one notification: <paramref name="count"/> as its progress (the total is unknown) and <paramref name="message"/>.</summary>
    public Task SendAsync(long count, string message, CancellationToken cancellationToken) =>
        server.NotifyProgressAsync(token, new ProgressNotificationValue { Progress = count, Message = message }, cancellationToken: cancellationToken);
}
