using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid;

/// <summary>
/// A stream operation's responder, for every door that answers over HTTP: a refusal is the door's
/// own problem answer (a plain status, before any byte of the stream); otherwise it picks the format
/// from <c>Accept</c>, takes a place among the open streams, reads <c>Last-Event-ID</c> (the log, or
/// the position handed to the handler), and hands the connection to <see cref="StreamConnection{TItem}"/>.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TItem">The stream's item type.</typeparam>
internal sealed class StreamResponder<TRequest, TItem> : IDoorResponder<TRequest, IAsyncEnumerable<TItem>>
    where TRequest : class
{
    private static readonly OperationProblem TooMany = OperationProblem.Create(429, ProblemCodes.TooManyStreams, "Too many streams are open; close one or try again shortly.", "Retry-After", "1");
    private static readonly OperationProblem NotAcceptable = OperationProblem.Create(406, ProblemCodes.NotAcceptable, "This operation streams: accept text/event-stream or application/jsonl.");

    private readonly IDoorResponder<TRequest, IAsyncEnumerable<TItem>> _problems;
    private readonly StreamServices _shared;
    private readonly StreamConnection<TItem>.Plan _plan;
    private readonly JsonTypeInfo<TRequest> _requestInfo;
    private readonly bool _jsonLines;
    private readonly Action<HttpContext>? _headers;
    private readonly string _operation;

    /// <param name="settings">The endpoint's locked settings; its <see cref="EndpointSettings.Stream"/> is set.</param>
    /// <param name="problems">The door's own responder, which answers refusals.</param>
    /// <param name="jsonLines">Whether the door also answers <c>application/jsonl</c>.</param>
    /// <param name="catalog">The catalog (its JSON).</param>
    /// <param name="services">The app's services.</param>
    /// <param name="headers">The door's headers of every answer (a deprecated route's), set before the stream starts.</param>
    public StreamResponder(EndpointSettings settings, IDoorResponder<TRequest, IAsyncEnumerable<TItem>> problems, bool jsonLines, OperationCatalog catalog, IServiceProvider services, Action<HttpContext>? headers)
    {
        _headers = headers;
        _problems = problems;
        _jsonLines = jsonLines;
        _shared = services.GetRequiredService<StreamServices>();
        _operation = settings.Operation.ToString();
        _requestInfo = (JsonTypeInfo<TRequest>)catalog.ReadingJson.GetTypeInfo(typeof(TRequest));
        var options = services.GetRequiredService<IOptions<HybridOptions>>().Value;
        var failures = new HandlerFailures(typeof(TRequest).Name, _shared.Logger, options, HandlerFailures.DeclaredCodes(settings, services));
        _plan = new StreamConnection<TItem>.Plan(settings.Stream!, (JsonTypeInfo<TItem>)catalog.Json.GetTypeInfo(typeof(TItem)), catalog.Json, failures, _shared, typeof(TRequest).Name);
    }

    public Task RespondAsync(in DoorRequest<TRequest, IAsyncEnumerable<TItem>> outcome) =>
        outcome.Problem is not null ? _problems.RespondAsync(outcome) : RunAsync(outcome.HttpContext, outcome.Request!, outcome.Value!);

    private async Task RunAsync(HttpContext context, TRequest request, IAsyncEnumerable<TItem> items)
    {
        var token = context.RequestAborted;
        _headers?.Invoke(context);
        if (StreamFormats.Negotiate(context.Request, _jsonLines) is not { } format)
        {
            await ProblemWriter.WriteAnswerAsync(context, NotAcceptable, token).ConfigureAwait(false);
            return;
        }

        using var lease = _shared.Limits.TryOpen(context);
        if (lease is null)
        {
            await ProblemWriter.WriteAnswerAsync(context, TooMany, token).ConfigureAwait(false);
            return;
        }

        using var connection = new StreamConnection<TItem>(_plan, context, format);
        var lastEventId = context.Request.Headers["Last-Event-ID"].ToString();
        if (_plan.Settings.Resume == StreamResume.Replay)
        {
            if (lastEventId.Length == 0)
            {
                await connection.RunAsync(items, resumeAfter: null).ConfigureAwait(false);
            }
            else if (StreamPosition.IsValid(lastEventId))
            {
                await connection.RunAsync(items, resumeAfter: lastEventId).ConfigureAwait(false);
            }
            else
            {
                await connection.ResetAsync().ConfigureAwait(false);
            }

            return;
        }

        var owner = StreamServices.Owner(_operation, context.User, JsonSerializer.SerializeToUtf8Bytes(request, _requestInfo));
        if (lastEventId.Length == 0)
        {
            await connection.RunLoggedAsync(items, StreamPosition.NewKey(), owner, null).ConfigureAwait(false);
            return;
        }

        var read = StreamPosition.TryParseLogId(lastEventId, out var key, out var sequence)
            ? await _shared.Log.ReadAfterAsync(key, owner, sequence, token).ConfigureAwait(false)
            : null;
        if (read is null)
        {
            await connection.ResetAsync().ConfigureAwait(false);
        }
        else if (read.Ended && read.Records.Count == 0)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }
        else
        {
            await connection.RunLoggedAsync(items, key, owner, read).ConfigureAwait(false);
        }
    }
}
