using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Hybrid.Mcp;

/// <summary>
/// Wraps the SDK's Streamable HTTP endpoint: the door's body limit applies to the <c>/mcp</c>
/// request (one JSON-RPC message), and, when the door takes JWT bearer tokens, a <c>tools/call</c>
/// of a protected tool from a caller without an accepted token is challenged with <c>401</c> and
/// the protected-resource metadata (<see cref="McpChallenge"/>) before the SDK answers: a status
/// line is the only place an MCP client looks for a challenge, and the SDK's answer is a 200 event stream.
/// </summary>
internal sealed class McpTransport(McpDoorSetup setup, McpRuntime runtime)
{
    public async Task HandleAsync(HttpContext context, RequestDelegate sdk)
    {
        if (!BodyLimits.Apply(context, setup.Options.MaxBodySize))
        {
            await ProblemWriter.WriteAsync(context, OperationProblem.PayloadTooLarge()).ConfigureAwait(false);
            return;
        }

        try
        {
            if (setup.Challenge is { } challenge && HttpMethods.IsPost(context.Request.Method) &&
                await CalledToolAsync(context).ConfigureAwait(false) is { } tool)
            {
                var settings = runtime.SettingsOf(tool);
                if (McpToolPolicy.IsProtected(settings) && (await runtime.Policy.EvaluateAsync(settings, context).ConfigureAwait(false)).Challenged)
                {
                    McpLog.Challenged(runtime.Logger, tool.Name);
                    await challenge.ChallengeAsync(context).ConfigureAwait(false);
                    return;
                }
            }

            await sdk(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await ProblemWriter.WriteAsync(context, OperationProblem.PayloadTooLarge()).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The tool a <c>tools/call</c> message names, read from the body, which is then kept for the SDK
    /// to read again; <see langword="null"/> for any other message, or one the SDK will refuse.
    /// </summary>
    private async Task<McpToolEntry?> CalledToolAsync(HttpContext context)
    {
        var request = context.Request;
        using var copy = new MemoryStream(request.ContentLength is { } length and < 1024 * 1024 ? (int)length : 0);
        await request.Body.CopyToAsync(copy, context.RequestAborted).ConfigureAwait(false);
        var bytes = copy.ToArray();
        request.Body = new MemoryStream(bytes, writable: false);
        try
        {
            using var message = JsonDocument.Parse(bytes);
            var root = message.RootElement;
            return root.ValueKind == JsonValueKind.Object &&
                root.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String && method.ValueEquals("tools/call") &&
                root.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Object &&
                parameters.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                ? runtime.Tools.Find(name.GetString()!)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
