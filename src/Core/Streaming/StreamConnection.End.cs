using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid;

/// <content>How a connection ends, once its handler has returned.</content>
internal sealed partial class StreamConnection<TItem>
{
    private static readonly byte[] NoValue = "{}"u8.ToArray();
    private static readonly TimeSpan EndWriteLimit = TimeSpan.FromSeconds(2);
    private static readonly byte[] ShutdownReason = "{\"reason\":\"shutdown\"}"u8.ToArray();
    private static readonly byte[] DurationReason = "{\"reason\":\"max_duration\"}"u8.ToArray();
    private static readonly OperationProblem Expired = OperationProblem.Create(401, ProblemCodes.AuthExpired, "The credential this stream was opened with expired; reconnect with a fresh one.");
    private static readonly OperationProblem Slow = OperationProblem.Create(503, ProblemCodes.SlowConsumer, "The stream was read more slowly than it was produced; reconnect to continue.");

    /// <summary>What every connection of one endpoint shares: its settings, the item's JSON, how a failure is judged, the shared services.</summary>
    internal sealed record Plan(StreamSettings Settings, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TItem> ItemInfo, JsonSerializerOptions Json, HandlerFailures Failures, StreamServices Shared, string Operation)
    {
        /// <summary>The metrics' tag: the operation's request type's name.</summary>
        public KeyValuePair<string, object?> Tag { get; } = new(HybridTelemetry.OperationTag, Operation);
    }

    /// <param name="completed">Whether the handler ran to its end.</param>
    /// <param name="failure">What the handler (or writing an item) threw, if anything.</param>
    /// <param name="expiry">The credential's expiry when it, not the maximum duration, bounded the connection.</param>
    private async Task EndAsync(bool completed, Exception? failure, DateTimeOffset? expiry)
    {
        var shared = plan.Shared;
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        limit.CancelAfter(EndWriteLimit);
        var token = limit.Token;
        try
        {
            if (_slow)
            {
                Start();
                StreamEventWriter.Write(Body, format, StreamEventKind.Error, null, shared.ProblemJson(Slow, context));
                await Body.FlushAsync(token).ConfigureAwait(false);
                context.Abort();
                return;
            }

            if (failure is not null)
            {
                var problem = plan.Failures.ProblemOf(failure, context, out _);
                if (!_started && failure is not StreamResetException)
                {
                    // Nothing of the stream went out: the failure is the answer, as for any request.
                    await ProblemWriter.WriteAnswerAsync(context, problem, token).ConfigureAwait(false);
                    return;
                }

                var kind = failure is StreamResetException ? StreamEventKind.Reset : StreamEventKind.Error;
                await WriteEndAsync(kind, shared.ProblemJson(problem, context), logged: kind == StreamEventKind.Error, token).ConfigureAwait(false);
                return;
            }

            if (!completed)
            {
                if (shared.Stopping.IsCancellationRequested)
                {
                    await WriteEndAsync(StreamEventKind.Reconnect, ShutdownReason, logged: false, token).ConfigureAwait(false);
                }
                else if (expiry is not null)
                {
                    await WriteEndAsync(StreamEventKind.AuthExpired, shared.ProblemJson(Expired, context), logged: false, token).ConfigureAwait(false);
                }
                else
                {
                    await WriteEndAsync(StreamEventKind.Reconnect, DurationReason, logged: false, token).ConfigureAwait(false);
                }

                return;
            }

            if (!_started && !Logged && _sentHere == 0 && context.RequestServices.GetRequiredService<StreamContext>().ResumeAfter is not null)
            {
                // A replayed stream resumed with nothing after the client's position: it is over for this client.
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            await WriteEndAsync(StreamEventKind.Done, DoneJson(), logged: true, token).ConfigureAwait(false);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested || token.IsCancellationRequested)
        {
            // The client left, or stopped reading, while the end was written: there is no one to tell.
            context.Abort();
        }
    }

    private async Task WriteEndAsync(StreamEventKind kind, byte[] json, bool logged, CancellationToken token)
    {
        Start();
        var id = default(StreamEventWriter.EventId);
        if (logged && Logged)
        {
            id = StreamEventWriter.EventId.Logged(_key!, ++_sequence);
            _pending.Add(new StreamRecord(_sequence, kind, null, json));
            await AppendPendingAsync(token).ConfigureAwait(false);
        }

        StreamEventWriter.Write(Body, format, kind, id, json);
        await Body.FlushAsync(token).ConfigureAwait(false);
    }

    private byte[] DoneJson()
    {
        var stream = context.RequestServices.GetRequiredService<StreamContext>();
        if (!stream.HasFinalValue)
        {
            return NoValue;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("value");
            if (stream.FinalValue is { } value)
            {
                JsonSerializer.Serialize(writer, value, value.GetType(), plan.Json);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
