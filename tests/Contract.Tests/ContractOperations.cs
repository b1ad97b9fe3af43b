using System.Collections.Concurrent;
using MediatR;
using Microsoft.AspNetCore.RateLimiting;

namespace Hybrid.Contract.Tests;

// Operations for the REST contract's runtime rules: conditional requests, deprecation, rate limits.

/// <summary>Versioned records: what the handlers stored, and how often each handler ran.</summary>
public sealed class RecordStore
{
    public ConcurrentDictionary<int, RecordView> Records { get; } = new(new Dictionary<int, RecordView> { [1] = new(1, "first", 3) });

    public ConcurrentDictionary<string, int> Runs { get; } = new();

    public ConcurrentDictionary<int, ConcurrentQueue<string>> Shelves { get; } = new();

    public void Ran(string handler) => Runs.AddOrUpdate(handler, 1, (_, n) => n + 1);

    public int RunsOf(string handler) => Runs.GetValueOrDefault(handler);
}

public sealed record RecordView(int Id, string Name, [property: ResourceVersion] int Version);

[RestGet("records/{id}", Versions = [1, 2])]
[ProducesProblem(404, "record_not_found")]
public sealed class GetRecord : IRequest<RecordView>
{
    public int Id { get; set; }
}

public sealed class GetRecordHandler(RecordStore store) : IRequestHandler<GetRecord, RecordView>
{
    public Task<RecordView> Handle(GetRecord request, CancellationToken cancellationToken)
    {
        store.Ran(nameof(GetRecord));
        return store.Records.TryGetValue(request.Id, out var record)
            ? Task.FromResult(record)
            : throw new NotFoundException($"No record {request.Id}.", "record_not_found");
    }
}

/// <summary>A write on the same path as <see cref="GetRecord"/>, under another placeholder name.</summary>
[RestPut("records/{recordId}")]
public sealed class RenameRecord : IRequest<RecordView>
{
    public int RecordId { get; set; }

    public string Name { get; set; } = string.Empty;
}

public sealed class RenameRecordHandler(RecordStore store) : IRequestHandler<RenameRecord, RecordView>
{
    public Task<RecordView> Handle(RenameRecord request, CancellationToken cancellationToken)
    {
        store.Ran(nameof(RenameRecord));
        var renamed = store.Records.AddOrUpdate(request.RecordId, id => new RecordView(id, request.Name, 1), (id, old) => new RecordView(id, request.Name, old.Version + 1));
        return Task.FromResult(renamed);
    }
}

[RestDelete("records/{id}")]
public sealed class RemoveRecord : IRequest
{
    public int Id { get; set; }
}

public sealed class RemoveRecordHandler(RecordStore store) : IRequestHandler<RemoveRecord>
{
    public Task Handle(RemoveRecord request, CancellationToken cancellationToken)
    {
        store.Ran(nameof(RemoveRecord));
        store.Records.TryRemove(request.Id, out _);
        return Task.CompletedTask;
    }
}

/// <summary>A read without a declared version: its ETag is a hash of the bytes.</summary>
[RestGet("record-names")]
public sealed class ListRecordNames : IRequest<IReadOnlyList<string>>
{
    public string? Prefix { get; set; }
}

public sealed class ListRecordNamesHandler(RecordStore store) : IRequestHandler<ListRecordNames, IReadOnlyList<string>>
{
    public Task<IReadOnlyList<string>> Handle(ListRecordNames request, CancellationToken cancellationToken)
    {
        store.Ran(nameof(ListRecordNames));
        return Task.FromResult<IReadOnlyList<string>>([.. store.Records.Values.Select(r => r.Name).Where(n => n.StartsWith(request.Prefix ?? string.Empty, StringComparison.Ordinal)).Order(StringComparer.Ordinal)]);
    }
}

[RestGet("legacy/records/{id}", Deprecated = "2026-01-15", Sunset = "2027-03-31", Successor = "v2/records/{id}")]
public sealed class GetLegacyRecord : IRequest<RecordView>
{
    public int Id { get; set; }
}

public sealed class GetLegacyRecordHandler(RecordStore store) : IRequestHandler<GetLegacyRecord, RecordView>
{
    public Task<RecordView> Handle(GetLegacyRecord request, CancellationToken cancellationToken) =>
        store.Records.TryGetValue(request.Id, out var record)
            ? Task.FromResult(record)
            : throw new NotFoundException($"No record {request.Id}.", "record_not_found");
}

/// <summary>Guarded by the host's "tight" policy: one call a minute.</summary>
[RestPost("limited-pings", StatusCode = 200)]
[EnableRateLimiting("tight")]
public sealed class LimitedPing : IRequest<int>
{
}

public sealed class LimitedPingHandler(RecordStore store) : IRequestHandler<LimitedPing, int>
{
    public Task<int> Handle(LimitedPing request, CancellationToken cancellationToken)
    {
        store.Ran(nameof(LimitedPing));
        return Task.FromResult(store.RunsOf(nameof(LimitedPing)));
    }
}

/// <summary>Throws each error-model exception by name, on a REST route and as an action.</summary>
[Action]
[RestPost("failures/{kind}", StatusCode = 200)]
public sealed class FailAs : IRequest<string>
{
    public string Kind { get; set; } = string.Empty;
}

public sealed class FailAsHandler : IRequestHandler<FailAs, string>
{
    public Task<string> Handle(FailAs request, CancellationToken cancellationToken) => request.Kind switch
    {
        "unauthorized" => throw new UnauthorizedException("Sign in first."),
        "forbidden" => throw new ForbiddenException("Not yours."),
        "notfound" => throw new NotFoundException("Gone."),
        "conflict" => throw new ConflictException("Already there."),
        "precondition" => throw new PreconditionFailedException("Stale."),
        "unprocessable" => throw new UnprocessableException("Cannot do that now."),
        "toomany" => throw new TooManyRequestsException(TimeSpan.FromSeconds(7.2), "Slow down."),
        _ => Task.FromResult(request.Kind),
    };
}

/// <summary>Throws only the problem it declares.</summary>
[RestPost("declared-failures", StatusCode = 200)]
[ProducesProblem(404, "record_not_found")]
public sealed class DeclaredFailure : IRequest<string>
{
}

public sealed class DeclaredFailureHandler : IRequestHandler<DeclaredFailure, string>
{
    public Task<string> Handle(DeclaredFailure request, CancellationToken cancellationToken) =>
        throw new NotFoundException("No such record.", "record_not_found");
}
