using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Mcp;

/// <summary>
/// One tool on Hybrid's door pipeline: the arguments are read as the action door reads a JSON body
/// (strict, every mistake a field error), the shared pipeline runs, and the one responder keeps the
/// result for the tool's answer or writes the problem as every door writes it. Telemetry, timeouts,
/// revalidation and the last-resort 500 are the pipeline's; idempotent retries are a filter of it.
/// A stream operation's items are collected into the result by <see cref="McpStreamResponder{TRequest, TItem}"/>.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal sealed class McpToolEndpoint<TRequest, TResponse> : IDoorEndpoint
    where TRequest : class
{
    private readonly DoorEndpoint<TRequest, TResponse> _endpoint;

    public McpToolEndpoint(HybridEndpointMetadata endpoint, OperationCatalog catalog, IServiceProvider services)
    {
        var settings = services.GetRequiredService<EndpointSettingsStore>().ForBuild(endpoint);
        var requestInfo = (JsonTypeInfo<TRequest>)catalog.ReadingJson.GetTypeInfo(typeof(TRequest));
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Hybrid.Doors");
        var reader = new BodyReader<TRequest>(catalog.ShapeOf(endpoint.Operation), requestInfo, catalog.Validators, settings.MaxFiles, logger, endpoint.Door);
        List<IHybridFilter> filters = [new Arguments(reader, requestInfo)];
        if (settings.Idempotent is { } idempotent)
        {
            filters.Add(new McpIdempotency.Retries(McpIdempotency.For(services), idempotent));
        }

        var responder = endpoint.Operation.ItemType is { } item
            ? (IDoorResponder<TRequest, TResponse>)Activator.CreateInstance(typeof(McpStreamResponder<,>).MakeGenericType(typeof(TRequest), item), settings, catalog, services)!
            : new Responder((JsonTypeInfo<TResponse>)catalog.Json.GetTypeInfo(typeof(TResponse)), endpoint.Operation.ReturnsNothing);
        _endpoint = new DoorEndpoint<TRequest, TResponse>(settings, filters, responder, catalog, services);
    }

    public HybridOperation Operation => _endpoint.Operation;

    public Task HandleAsync(HttpContext context) => _endpoint.HandleAsync(context);

    /// <summary>The call's arguments, posted to its context as a JSON body; none is <c>{}</c>.</summary>
    private sealed class Arguments(BodyReader<TRequest> reader, JsonTypeInfo<TRequest> info) : IRequestFilter
    {
        public PipelineStage Stage => PipelineStage.Bind;

        public async ValueTask<FilterDecision> OnRequestAsync(HybridFilterContext context)
        {
            var http = context.HttpContext;
            try
            {
                var (request, errors) = http.Request.ContentLength is > 0
                    ? await reader.ReadJsonAsync(http, info, context.Cancellation).ConfigureAwait(false)
                    : reader.ReadEmpty(info);
                return reader.Decide(http, request, errors);
            }
            catch (Exception e) when (UnreadableBody.Is(e, context.Cancellation))
            {
                return FilterDecision.Refuse(reader.ProblemOf(e));
            }
        }
    }

    /// <summary>Keeps the result for the tool's answer; a problem is written as every door writes it.</summary>
    private sealed class Responder(JsonTypeInfo<TResponse> info, bool nothing) : IDoorResponder<TRequest, TResponse>
    {
        public Task RespondAsync(in DoorRequest<TRequest, TResponse> outcome)
        {
            if (outcome.Problem is { } problem)
            {
                return ProblemWriter.WriteAnswerAsync(outcome.HttpContext, problem, outcome.Cancellation);
            }

            outcome.HttpContext.Features.GetRequiredFeature<McpCallFeature>().Result = nothing ? [] : JsonSerializer.SerializeToUtf8Bytes(outcome.Value!, info);
            return Task.CompletedTask;
        }
    }
}
