using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hybrid.Http.Tests;

// Request types of the query-array, header and route-member-in-body tests. None carries [Rest*] or
// [Action]: each test exposes what it needs in code, so the attribute-exposed set is unchanged.

public enum Stage
{
    Draft,
    Published,
    Archived,
}

[Flags]
public enum Shade
{
    None = 0,
    Red = 1,
    Green = 2,
    Blue = 4,
}

/// <summary>Collections of simple types bound from repeated query parameters, beside single-valued members.</summary>
public sealed class FindGadgets : IRequest<string>
{
    public string[] Tag { get; set; } = [];

    public List<int> Size { get; set; } = [];

    public IReadOnlyList<Guid>? Id { get; set; }

    public Stage[]? Stage { get; set; }

    public IReadOnlyList<DateOnly>? On { get; set; }

    public List<DateTimeOffset>? At { get; set; }

    public List<int?>? Rank { get; set; }

    public IReadOnlyList<string> Kind { get; set; } = ["standard"];

    [Range(1, 100)]
    public int Page { get; set; } = 1;

    public Stage Status { get; set; } = Tests.Stage.Draft;

    public Shade Colours { get; set; }
}

public sealed class FindGadgetsHandler(ThingStore store) : IRequestHandler<FindGadgets, string>
{
    public Task<string> Handle(FindGadgets request, CancellationToken cancellationToken)
    {
        store.Received.Enqueue(request);
        return Task.FromResult("found");
    }
}

public sealed record GadgetTrace(int GadgetId, string? Tenant, int Priority, DateOnly? Since, string? Note);

/// <summary>Members read from request headers, beside a route value and a body or query member.</summary>
public sealed class TraceGadget : IRequest<GadgetTrace>
{
    public int GadgetId { get; set; }

    [FromHeader(Name = "X-Tenant")]
    public string? Tenant { get; set; }

    [FromHeader]
    public int Priority { get; set; } = 5;

    [FromHeader(Name = "X-Since")]
    public DateOnly? Since { get; set; }

    public string? Note { get; set; }
}

public sealed class TraceGadgetHandler(ThingStore store) : IRequestHandler<TraceGadget, GadgetTrace>
{
    public Task<GadgetTrace> Handle(TraceGadget request, CancellationToken cancellationToken)
    {
        store.Received.Enqueue(request);
        return Task.FromResult(new GadgetTrace(request.GadgetId, request.Tenant, request.Priority, request.Since, request.Note));
    }
}

/// <summary>A C# required header member: the body never has to name it.</summary>
public sealed class SignGadget : IRequest<string>
{
    [FromHeader(Name = "X-Signer")]
    public required string Signer { get; set; }

    public string? Note { get; set; }
}

public sealed class SignGadgetHandler(ThingStore store) : IRequestHandler<SignGadget, string>
{
    public Task<string> Handle(SignGadget request, CancellationToken cancellationToken)
    {
        store.Received.Enqueue(request);
        return Task.FromResult(request.Signer);
    }
}

/// <summary>A positional record with a route-bound and a header-bound parameter.</summary>
public sealed record RenameGadget(int GadgetId, [FromHeader(Name = "X-Editor")] string? Editor, string Name) : IRequest<string>;

public sealed class RenameGadgetHandler(ThingStore store) : IRequestHandler<RenameGadget, string>
{
    public Task<string> Handle(RenameGadget request, CancellationToken cancellationToken)
    {
        store.Received.Enqueue(request);
        return Task.FromResult($"{request.GadgetId} {request.Editor} {request.Name}");
    }
}

/// <summary>Refused at start-up: a header cannot carry an object (HYB030).</summary>
public sealed class HeaderObjectGadget : IRequest<string>
{
    [FromHeader]
    public GadgetPing? Ping { get; set; }
}

public sealed class HeaderObjectGadgetHandler : IRequestHandler<HeaderObjectGadget, string>
{
    public Task<string> Handle(HeaderObjectGadget request, CancellationToken cancellationToken) => Task.FromResult("never");
}

/// <summary>Refused at start-up: a header member without a setter (HYB031).</summary>
public sealed class ReadOnlyHeaderGadget : IRequest<string>
{
    [FromHeader]
    public string Token => "fixed";
}

public sealed class ReadOnlyHeaderGadgetHandler : IRequestHandler<ReadOnlyHeaderGadget, string>
{
    public Task<string> Handle(ReadOnlyHeaderGadget request, CancellationToken cancellationToken) => Task.FromResult("never");
}

/// <summary>Refused at start-up on GET: a collection of objects is no query value (HYB013).</summary>
public sealed class FindByPings : IRequest<string>
{
    public List<GadgetPing> Pings { get; set; } = [];
}

public sealed class FindByPingsHandler : IRequestHandler<FindByPings, string>
{
    public Task<string> Handle(FindByPings request, CancellationToken cancellationToken) => Task.FromResult("never");
}
