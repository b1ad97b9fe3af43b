using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hybrid.Mcp;

/// <summary>
/// A stream operation called as a tool. Its items are collected into the call's one result
/// (<see cref="McpStreamResult"/>), and each is also sent as a progress notification as it comes
/// when the caller asked for progress (the notification's progress is the item count, its message
/// the item's JSON, no total). The handler runs on the call's token, bounded by the stream's
/// maximum duration, the credential's expiry and the app stopping; there is no resume over MCP, so
/// <see cref="IStreamContext.ResumeAfter"/> is <see langword="null"/>. Anything that ends the stream
/// early (a failure, a limit) answers its problem, as every door writes it; the notifications already
/// sent stay sent. A client that cancels the call gets no answer, and the handler has returned
/// (its <c>finally</c> run) before the call ends.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TItem">The stream's item type.</typeparam>
internal sealed class McpStreamResponder<TRequest, TItem> : IDoorResponder<TRequest, IAsyncEnumerable<TItem>>
    where TRequest : class
{
    private readonly StreamServices _shared;
    private readonly JsonTypeInfo<TItem> _itemInfo;
    private readonly JsonSerializerOptions _json;
    private readonly HandlerFailures _failures;
    private readonly TimeSpan _maxDuration;
    private readonly int _maxItems;
    private readonly long _maxBytes;

    public McpStreamResponder(EndpointSettings settings, OperationCatalog catalog, IServiceProvider services)
    {
        _shared = services.GetRequiredService<StreamServices>();
        _itemInfo = (JsonTypeInfo<TItem>)catalog.Json.GetTypeInfo(typeof(TItem));
        _json = catalog.Json;
        var options = services.GetRequiredService<IOptions<HybridOptions>>().Value;
        var declared = services.GetService<IHostEnvironment>()?.IsDevelopment() == true
            ? settings.Problems.Select(p => p.Code).ToHashSet(StringComparer.Ordinal)
            : null;
        _failures = new HandlerFailures(typeof(TRequest).Name, _shared.Logger, options, declared);
        _maxDuration = settings.Stream!.MaxDuration;
        (_maxItems, _maxBytes) = (options.Mcp().MaxStreamItems, options.Mcp().MaxStreamBytes);
    }

    public Task RespondAsync(in DoorRequest<TRequest, IAsyncEnumerable<TItem>> outcome) =>
        outcome.Problem is { } problem
            ? ProblemWriter.WriteAnswerAsync(outcome.HttpContext, problem, outcome.Cancellation)
            : CollectAsync(outcome.HttpContext, outcome.Value!);

    private async Task CollectAsync(HttpContext context, IAsyncEnumerable<TItem> items)
    {
        var aborted = context.RequestAborted;
        using var lease = _shared.Limits.TryOpen(context);
        if (lease is null)
        {
            await ProblemWriter.WriteAnswerAsync(context, McpStreamProblems.TooMany, aborted).ConfigureAwait(false);
            return;
        }

        var call = context.Features.GetRequiredFeature<McpCallFeature>();
        var stream = context.RequestServices.GetRequiredService<StreamContext>();
        stream.ResumeAfter = null;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(aborted, _shared.Stopping);
        var expiry = StreamServices.CredentialExpiry(context);
        var duration = _maxDuration;
        // Which of the two bounds the call decides the answer when its timer fires (a timer may fire a moment early).
        var expiryBounds = false;
        if (expiry is { } expires && expires - _shared.Time.GetUtcNow() < duration)
        {
            expiryBounds = true;
            duration = expires - _shared.Time.GetUtcNow();
        }

        limit.CancelAfter(duration < TimeSpan.Zero ? TimeSpan.Zero : duration);
        var result = new McpStreamResult(_maxItems, _maxBytes);
        var (completed, tooLarge, failure) = await RunAsync(items, result, call.Progress, limit).ConfigureAwait(false);
        if (aborted.IsCancellationRequested)
        {
            // The caller cancelled the call (or left): nobody reads an answer.
            return;
        }

        var problem = failure is not null ? _failures.ProblemOf(failure, context, out _)
            : tooLarge ? McpStreamProblems.TooLarge(_maxItems, _maxBytes)
            : completed ? null
            : _shared.Stopping.IsCancellationRequested ? McpStreamProblems.Stopping
            : expiryBounds ? McpStreamProblems.Expired
            : McpStreamProblems.TooLong(_maxDuration);
        if (problem is not null)
        {
            await ProblemWriter.WriteAnswerAsync(context, problem, aborted).ConfigureAwait(false);
            return;
        }

        call.Result = result.Finish(McpStreamResult.ValueOf(stream, _json));
    }

    /// <summary>Runs the handler to its end, a failure, a cap or its token; it has returned when this does.</summary>
    private async Task<(bool Completed, bool TooLarge, Exception? Failure)> RunAsync(IAsyncEnumerable<TItem> items, McpStreamResult result, McpProgress? progress, CancellationTokenSource limit)
    {
        var token = limit.Token;
        var json = new ArrayBufferWriter<byte>(256);
        using var writer = new Utf8JsonWriter(json);
        IAsyncEnumerator<TItem>? enumerator = null;
        Exception? failure = null;
        var tooLarge = false;
        var completed = false;
        try
        {
            enumerator = items.GetAsyncEnumerator(token);
            while (true)
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    completed = true;
                    break;
                }

                json.ResetWrittenCount();
                writer.Reset(json);
                JsonSerializer.Serialize(writer, enumerator.Current, _itemInfo);
                if (!result.TryAdd(json.WrittenSpan))
                {
                    tooLarge = true;
                    break;
                }

                if (progress is not null)
                {
                    // No buffer of its own: the handler waits while its item is written to the caller.
                    await progress.SendAsync(result.Count, Encoding.UTF8.GetString(json.WrittenSpan), token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            failure = e;
        }

        if (enumerator is not null)
        {
            if (tooLarge)
            {
                // The handler stops as it would for a caller that left; its finally runs on the disposal.
                await limit.CancelAsync().ConfigureAwait(false);
            }

            try
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (failure is null && !token.IsCancellationRequested)
            {
                failure = e;
            }
            catch (Exception)
            {
                // What the handler's cleanup threw after the stream had already ended otherwise changes nothing.
            }
        }

        return (completed && failure is null, tooLarge, failure);
    }
}
