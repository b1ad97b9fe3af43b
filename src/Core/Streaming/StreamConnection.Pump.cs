namespace Hybrid;

/// <content>Pulling the handler's items and flushing them, with heartbeats while it works and the slow-consumer bound.</content>
internal sealed partial class StreamConnection<TItem>
{
    /// <summary>
    /// Pulls the handler's items and writes them. Items the handler has ready go out in one flush (up
    /// to <see cref="StreamSettings.BufferSize"/>); while it works on the next, what was written is
    /// flushed and the connection waits, with a heartbeat every idle interval (and the headers after
    /// the first <see cref="HybridStreamOptions.HeadersAfter"/>). The handler never runs ahead of the
    /// client by more than a batch and the response's own bounded buffer.
    /// </summary>
    private async Task<(bool Completed, Exception? Failure)> PumpAsync(IAsyncEnumerator<TItem> items, CancellationToken token)
    {
        var batch = 0;
        try
        {
            while (true)
            {
                var next = items.MoveNextAsync();
                bool more;
                if (next.IsCompletedSuccessfully)
                {
                    more = next.Result;
                }
                else
                {
                    if (batch > 0)
                    {
                        await FlushBatchAsync(token).ConfigureAwait(false);
                        batch = 0;
                    }

                    _pendingMove = next.AsTask();
                    more = await WaitForItemAsync(_pendingMove, token).ConfigureAwait(false);
                    _pendingMove = null;
                }

                if (!more)
                {
                    if (batch > 0)
                    {
                        await FlushBatchAsync(token).ConfigureAwait(false);
                    }

                    return (true, null);
                }

                Start();
                WriteItem(items.Current);
                if (++batch >= plan.Settings.BufferSize)
                {
                    await FlushBatchAsync(token).ConfigureAwait(false);
                    batch = 0;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return (false, null);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left while an event was being written.
            return (false, null);
        }
        catch (Exception e)
        {
            return (false, e);
        }
    }

    /// <summary>Waits for the handler's next item, sending the headers and then heartbeats while it works.</summary>
    private async Task<bool> WaitForItemAsync(Task<bool> next, CancellationToken token)
    {
        while (true)
        {
            _idle!.CancelAfter(_started ? plan.Settings.Heartbeat : plan.Shared.Options.HeadersAfter);
            try
            {
                return await next.WaitAsync(_idle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!next.IsCompleted && !token.IsCancellationRequested)
            {
                _idle.Dispose();
                _idle = CancellationTokenSource.CreateLinkedTokenSource(token);
                if (_started)
                {
                    StreamEventWriter.WriteHeartbeat(Body, format);
                }

                Start();
                await FlushAsync(token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Appends the batch to the log (a logged stream), then flushes it.</summary>
    private async ValueTask FlushBatchAsync(CancellationToken token)
    {
        await AppendPendingAsync(token).ConfigureAwait(false);
        await FlushAsync(token).ConfigureAwait(false);
    }

    /// <summary>
    /// Flushes what was written. A client that reads more slowly than the stream is produced fills the
    /// response's bounded buffer, and the flush waits; one that stays stuck for
    /// <see cref="HybridStreamOptions.SlowConsumerTimeout"/> is closed with <c>slow_consumer</c>.
    /// </summary>
    private async ValueTask FlushAsync(CancellationToken token)
    {
        var flush = Body.FlushAsync(token);
        if (flush.IsCompletedSuccessfully)
        {
            return;
        }

        using var slow = CancellationTokenSource.CreateLinkedTokenSource(token);
        slow.CancelAfter(plan.Shared.Options.SlowConsumerTimeout);
        try
        {
            await flush.AsTask().WaitAsync(slow.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            _slow = true;
            await _connection!.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Cancels a handler still at work, waits for it to return, and disposes its items.</summary>
    private async Task StopAsync(IAsyncEnumerator<TItem> items, CancellationTokenSource connection)
    {
        if (_pendingMove is { IsCompleted: false } pending)
        {
            await connection.CancelAsync().ConfigureAwait(false);
            try
            {
                await pending.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Its cancellation, or a failure nobody is left to be told of.
            }
        }

        try
        {
            await items.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.UnexpectedFailure(plan.Shared.Logger, e, plan.Operation, context.TraceIdentifier);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
