using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Hybrid.Mcp;

/// <summary>
/// The door's <c>tools/list</c> and <c>tools/call</c>: a caller lists the tools whose policy it
/// meets, and a call of another tool is refused with the problem an HTTP door gives (401
/// <c>unauthorized</c> for a caller without an accepted credential, 403 <c>forbidden</c> for one
/// that is signed in) as an <c>isError</c> result, and logged. An unknown tool, or a call without
/// a name, is a protocol error (invalid params); arguments that are not an object the SDK refuses the same way.
/// </summary>
internal static class McpHandlers
{
    public static async ValueTask<ListToolsResult> ListAsync(RequestContext<ListToolsRequestParams> request, CancellationToken cancellationToken)
    {
        var runtime = Runtime(request);
        var transport = runtime.Transport(request.Services);
        var seen = new Dictionary<AuthorizationPolicy, PolicyAuthorizationResult>(ReferenceEqualityComparer.Instance);
        var result = new ListToolsResult();
        foreach (var tool in runtime.Tools.All)
        {
            if ((await runtime.Policy.EvaluateAsync(runtime.SettingsOf(tool), transport, seen).ConfigureAwait(false)).Succeeded)
            {
                result.Tools.Add(tool.Protocol!);
            }
        }

        return result;
    }

    public static async ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var runtime = Runtime(request);
        var name = request.Params?.Name;
        if (string.IsNullOrEmpty(name) || runtime.Tools.Find(name) is not { } tool)
        {
            McpLog.UnknownTool(runtime.Logger, name ?? "(none)");
            throw new McpProtocolException($"Unknown tool: '{name}'. List the tools with tools/list.", McpErrorCode.InvalidParams);
        }

        var transport = runtime.Transport(request.Services);
        var settings = runtime.SettingsOf(tool);
        var verdict = await runtime.Policy.EvaluateAsync(settings, transport).ConfigureAwait(false);
        if (!verdict.Succeeded)
        {
            var problem = verdict.Forbidden ? RefusalAnswer.Forbidden : RefusalAnswer.Unauthorized;
            McpLog.Refused(runtime.Logger, tool.Name, problem.Status, problem.Code);
            return await McpCall.RefusalAsync(transport, problem).ConfigureAwait(false);
        }

        var key = request.Params!.Meta?[McpIdempotency.MetaKey] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        return await McpCall.RunAsync(tool, settings, transport, runtime, Arguments(request.Params.Arguments), key, McpProgress.Of(request), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The arguments as one JSON object, read by the door as a body; none is no body (as <c>{}</c>).</summary>
    private static byte[] Arguments(IDictionary<string, JsonElement>? arguments)
    {
        if (arguments is null)
        {
            return [];
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in arguments)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static McpRuntime Runtime(MessageContext request) => (request.Services ?? request.Server.Services!).GetRequiredService<McpRuntime>();
}
