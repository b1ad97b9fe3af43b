using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using MediatR;

namespace Hybrid.Security.Tests;

// Every request type of this assembly is exposed in code by SecurityHost.Expose, on both doors
// where it makes sense, and every handler records its run in the Ledger.

/// <summary>Every handler run and every stored item, per host: a refused request must leave both empty.</summary>
public sealed class Ledger
{
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    public ConcurrentQueue<object> Stored { get; } = new();

    public void Ran() => Interlocked.Increment(ref _runs);

    public int NextId() => Stored.Count + 1;
}

public sealed class Section
{
    [Required]
    [StringLength(50)]
    public string Heading { get; set; } = string.Empty;
}

/// <summary>The target of the hostile requests: an action (<c>CreateNote</c>) and <c>POST /api/v1/notes</c>.</summary>
public sealed class CreateNote : IRequest<NoteCreated>
{
    [Required]
    [StringLength(50)]
    public string Title { get; set; } = string.Empty;

    [Range(1, 5)]
    public int Priority { get; set; } = 1;

    public double? Weight { get; set; }

    [MaxLength(10)]
    public List<string>? Tags { get; set; }

    [MaxLength(10)]
    public List<Section>? Sections { get; set; }
}

public sealed record NoteCreated(int Id, string Title);

public sealed class CreateNoteHandler(Ledger ledger) : IRequestHandler<CreateNote, NoteCreated>
{
    public Task<NoteCreated> Handle(CreateNote request, CancellationToken cancellationToken)
    {
        ledger.Ran();
        var note = new NoteCreated(ledger.NextId(), request.Title);
        ledger.Stored.Enqueue(note);
        return Task.FromResult(note);
    }
}

/// <summary>An idempotent create on the REST door: <c>POST /api/v1/orders</c>.</summary>
[Idempotent(ExpirySeconds = 60)]
public sealed class PlaceOrder : IRequest<PlacedOrder>
{
    public string Item { get; set; } = string.Empty;

    public int Quantity { get; set; }
}

public sealed record PlacedOrder(int Id, string Item, int Quantity, string? Owner);

public sealed class PlaceOrderHandler(Ledger ledger, Microsoft.AspNetCore.Http.IHttpContextAccessor http) : IRequestHandler<PlaceOrder, PlacedOrder>
{
    public Task<PlacedOrder> Handle(PlaceOrder request, CancellationToken cancellationToken)
    {
        ledger.Ran();
        var order = new PlacedOrder(ledger.NextId(), request.Item, request.Quantity, http.HttpContext?.User.Identity?.Name);
        ledger.Stored.Enqueue(order);
        return Task.FromResult(order);
    }
}
