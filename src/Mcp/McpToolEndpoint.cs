using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hybrid.Mcp;

/// <summary>
/// One tool on Hybrid's door template: the arguments are read as the action door reads a JSON body
/// (strict, every mistake a field error), the shared pipeline runs, and the one responder keeps the
/// result for the tool's answer or writes the problem as every door writes it. Telemetry, timeouts,
/// revalidation and the last-resort 500 are the template's. Idempotent retries are its guard.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal sealed class McpToolEndpoint<TRequest, TResponse>(HybridEndpointMetadata endpoint, OperationCatalog catalog, IServiceProvider services)
    : DoorEndpoint<TRequest, TResponse>(endpoint, catalog, services)
    where TRequest : class
{
    private readonly McpIdempotency _idempotency = McpIdempotency.For(services);

    protected override ValueTask<GuardEntry> EnterAsync(HttpContext context, EndpointSettings settings) =>
        settings.Idempotent is { } idempotent ? _idempotency.EnterAsync(context, idempotent) : default;

    protected override async ValueTask<Bound<TRequest>> BindAsync(HttpContext context)
    {
        try
        {
            var (request, errors) = context.Request.ContentLength is > 0
                ? await ReadJsonAsync(context, RequestInfo).ConfigureAwait(false)
                : ReadEmpty(RequestInfo);
            return Finish(context, request, errors, InputKind.Json);
        }
        catch (Exception e) when (IsUnreadableBody(e, context))
        {
            return Bound<TRequest>.Refused(UnreadableBody(e), InputKind.Json);
        }
    }

    protected override Task RespondAsync(HttpContext context, Bound<TRequest> bound, Outcome<TResponse> outcome)
    {
        if (outcome.Problem is { } problem)
        {
            return ProblemWriter.WriteAsync(context, problem);
        }

        context.Features.GetRequiredFeature<McpCallFeature>().Result = Operation.ReturnsNothing
            ? []
            : JsonSerializer.SerializeToUtf8Bytes(outcome.Value!, ResponseInfo);
        return Task.CompletedTask;
    }
}
