using MediatR;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Data.Sqlite;

namespace Hybrid.Security.Tests.Faults;

/// <summary>
/// Writes that take their time inside a real SQLite transaction: each inserts its marker, tells the
/// probe it started, waits <see cref="SlowWrite.HoldMilliseconds"/> with the request's token, then
/// commits. Cancelled, the transaction rolls back, so "no partial write" is the database's word.
/// </summary>
public class SlowWrite : IRequest<Written>
{
    public string Marker { get; set; } = string.Empty;

    public int HoldMilliseconds { get; set; }
}

/// <summary>The same write with a 300 ms request timeout declared on the request type.</summary>
[RequestTimeout(300)]
public sealed class TimedWrite : SlowWrite, IRequest<Written>;

/// <summary>The same write, its timeout given by the app (a convention, a named policy or the default policy).</summary>
public sealed class PlainTimedWrite : SlowWrite, IRequest<Written>;

public sealed record Written(string Marker);

public sealed class SlowWriteHandler(FaultDatabase database, FaultProbe probe) :
    IRequestHandler<SlowWrite, Written>, IRequestHandler<TimedWrite, Written>, IRequestHandler<PlainTimedWrite, Written>
{
    public Task<Written> Handle(SlowWrite request, CancellationToken cancellationToken) => WriteAsync(request, cancellationToken);

    public Task<Written> Handle(TimedWrite request, CancellationToken cancellationToken) => WriteAsync(request, cancellationToken);

    public Task<Written> Handle(PlainTimedWrite request, CancellationToken cancellationToken) => WriteAsync(request, cancellationToken);

    private async Task<Written> WriteAsync(SlowWrite request, CancellationToken cancellationToken)
    {
        probe.Ran();
        await using var connection = database.Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        FaultDatabase.Insert(connection, transaction, request.Marker);
        probe.Started.TrySetResult();
        try
        {
            await Task.Delay(request.HoldMilliseconds, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.Cancelled.TrySetResult();
            throw;
        }

        await transaction.CommitAsync(CancellationToken.None);
        return new Written(request.Marker);
    }
}

/// <summary>A write that meets a locked database: SQLite's busy error after the connection's 1 s busy timeout.</summary>
public sealed class LockedWrite : IRequest<Written>
{
    public string Marker { get; set; } = string.Empty;
}

public sealed class LockedWriteHandler(FaultDatabase database, FaultProbe probe) : IRequestHandler<LockedWrite, Written>
{
    public async Task<Written> Handle(LockedWrite request, CancellationToken cancellationToken)
    {
        probe.Ran();
        await using var connection = database.Open(busyTimeoutSeconds: 1);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        FaultDatabase.Insert(connection, transaction, request.Marker);
        await transaction.CommitAsync(cancellationToken);
        return new Written(request.Marker);
    }
}

/// <summary>What the handlers did, for the tests to wait on and assert.</summary>
public sealed class FaultProbe
{
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Ran() => Interlocked.Increment(ref _runs);
}

/// <summary>
/// An idempotent write whose client may leave after it committed: it commits, then waits
/// <see cref="HoldMilliseconds"/> whatever the client does, then answers.
/// </summary>
[Idempotent(Required = true)]
public sealed class CommittedWrite : IRequest<Written>
{
    public string Marker { get; set; } = string.Empty;

    public int HoldMilliseconds { get; set; }
}

public sealed class CommittedWriteHandler(FaultDatabase database, FaultProbe probe) : IRequestHandler<CommittedWrite, Written>
{
    public async Task<Written> Handle(CommittedWrite request, CancellationToken cancellationToken)
    {
        probe.Ran();
        await using (var connection = database.Open())
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            FaultDatabase.Insert(connection, transaction, request.Marker);
            await transaction.CommitAsync(cancellationToken);
        }

        probe.Started.TrySetResult();
        await Task.Delay(request.HoldMilliseconds, CancellationToken.None);
        return new Written(request.Marker);
    }
}
