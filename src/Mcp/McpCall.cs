using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using ModelContextProtocol.Protocol;

namespace Hybrid.Mcp;

/// <summary>
/// Runs one tool call on its own context (<see cref="McpCallContext"/>): the tool's rate limit, then
/// the door's pipeline with the tool's timeout, and turns what the door answered into the tool's
/// result. A success is the result as <c>structuredContent</c> (a value that is not an object as
/// <c>{"result": ...}</c>) and the same JSON as text; a problem is <c>isError</c> with the problem
/// details, exactly as an HTTP door writes them, as text.
/// </summary>
internal static class McpCall
{
    public static async ValueTask<CallToolResult> RunAsync(McpToolEntry tool, EndpointSettings settings, HttpContext transport, McpRuntime runtime, byte[] arguments, string? idempotencyKey, McpProgress? progress, CancellationToken cancellationToken)
    {
        // As the request timeouts middleware, no time limit while a debugger is attached.
        using var timeout = settings.Timeout is { } limit && !Debugger.IsAttached ? new CancellationTokenSource(limit.Duration) : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var call = new McpCallFeature(tool, arguments, idempotencyKey, progress);
        var context = McpCallContext.Create(transport, tool.RouteEndpoint(runtime.Endpoints), call, timeout?.Token, linked?.Token ?? cancellationToken);
        if (settings.RateLimitPolicy is not null)
        {
            await runtime.RateLimits.RunAsync(context).ConfigureAwait(false);
        }
        else
        {
            await tool.Endpoint.HandleAsync(context).ConfigureAwait(false);
        }

        if (call.Result is { } result)
        {
            return Success(result, tool.Operation.ReturnsNothing);
        }

        if (context.Response.StatusCode >= 400)
        {
            return Problem(call.Response.ToArray(), context.Response.Headers.RetryAfter.ToString());
        }

        // The door answered nothing: the caller went away (or cancelled the call), and nobody reads an answer.
        cancellationToken.ThrowIfCancellationRequested();
        throw new OperationCanceledException("The tool call was cancelled.");
    }

    /// <summary>The answer of a refusal before the door's pipeline (an unknown caller, a policy): the same problem JSON.</summary>
    public static async ValueTask<CallToolResult> RefusalAsync(HttpContext transport, OperationProblem problem)
    {
        var response = new MemoryStream();
        var features = new FeatureCollection(transport.Features);
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(response));
        var context = new DefaultHttpContext(features);
        await ProblemWriter.WriteAsync(context, problem).ConfigureAwait(false);
        return Problem(response.ToArray(), string.Empty);
    }

    private static CallToolResult Success(byte[] json, bool nothing)
    {
        if (nothing)
        {
            return new CallToolResult { Content = [] };
        }

        // The serializer writes no leading whitespace: an object starts with its brace.
        var structured = json is [(byte)'{', ..] ? json : Wrap(json);
        using var element = JsonDocument.Parse(structured);
        return new CallToolResult
        {
            StructuredContent = element.RootElement.Clone(),
            Content = [new TextContentBlock { Text = Encoding.UTF8.GetString(structured) }],
        };
    }

    private static byte[] Wrap(byte[] json)
    {
        var prefix = "{\"" + McpSchemas.ResultMember + "\":";
        var wrapped = new byte[prefix.Length + json.Length + 1];
        Encoding.ASCII.GetBytes(prefix, wrapped);
        json.CopyTo(wrapped, prefix.Length);
        wrapped[^1] = (byte)'}';
        return wrapped;
    }

    private static CallToolResult Problem(byte[] json, string retryAfter)
    {
        var result = new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = Encoding.UTF8.GetString(json) }] };
        if (retryAfter.Length > 0)
        {
            // HTTP would carry it as a header; an agent reads it beside the problem.
            result.Meta = new JsonObject { ["retryAfter"] = retryAfter };
        }

        return result;
    }
}
