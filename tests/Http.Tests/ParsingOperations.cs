using System.ComponentModel.DataAnnotations;
using MediatR;

namespace Hybrid.Http.Tests;

// Request types of ParsingDefectTests. None carries [Rest*] or [Action]: each test exposes what it
// needs in code, so the attribute-exposed set (and its document snapshots) is unchanged.

public sealed record Gadget(int Id, string Name);

/// <summary>Created with a <c>Location</c> template whose placeholder has a route constraint.</summary>
public sealed class RegisterGadget : IRequest<Gadget>
{
    [Required]
    public string Name { get; set; } = string.Empty;
}

public sealed class RegisterGadgetHandler(ThingStore store) : IRequestHandler<RegisterGadget, Gadget>
{
    public Task<Gadget> Handle(RegisterGadget request, CancellationToken cancellationToken)
    {
        store.Received.Enqueue(request);
        return Task.FromResult(new Gadget(store.NextId(), request.Name));
    }
}

public sealed record GadgetPing(int Count, string? Note, bool Loud);

/// <summary>A POST whose every member has a default: it needs no body at all.</summary>
public sealed class PingGadgets : IRequest<GadgetPing>
{
    public int Count { get; set; } = 3;

    public string? Note { get; set; }

    public bool Loud { get; set; }
}

public sealed class PingGadgetsHandler(ThingStore store) : IRequestHandler<PingGadgets, GadgetPing>
{
    public Task<GadgetPing> Handle(PingGadgets request, CancellationToken cancellationToken)
    {
        store.Received.Enqueue(request);
        return Task.FromResult(new GadgetPing(request.Count, request.Note, request.Loud));
    }
}
