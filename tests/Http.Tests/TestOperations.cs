using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using MediatR;

namespace Hybrid.Http.Tests;

// Every exposed request type of this assembly lives here: the scanner reads every type of the
// assembly each test host is given, so each must be valid and have a handler.

/// <summary>What the handlers did, per host: tests check what reached them and what was stored.</summary>
public sealed class ThingStore
{
    private int _nextId = 100;

    public ConcurrentQueue<object> Received { get; } = new();

    public ConcurrentDictionary<int, Thing> Things { get; } = new();

    public int NextId() => Interlocked.Increment(ref _nextId);
}

public enum WidgetSize
{
    Small,
    Medium,
    Large,
}

public sealed record WidgetView(int ShopId, Guid WidgetId, string? Color, WidgetSize Size, decimal? MaxPrice, int PageSize, bool InStock, DateOnly? Since);

/// <summary>GET: two route values and query values of several kinds, one under a custom JSON name.</summary>
[RestGet("shops/{shopId}/widgets/{widgetId}", Summary = "One widget of a shop.")]
public sealed class GetWidget : IRequest<WidgetView>
{
    public int ShopId { get; set; }

    public Guid WidgetId { get; set; }

    public string? Color { get; set; }

    public WidgetSize Size { get; set; } = WidgetSize.Medium;

    public decimal? MaxPrice { get; set; }

    [JsonPropertyName("page_size")]
    [Range(1, 100)]
    public int PageSize { get; set; } = 20;

    public bool InStock { get; set; }

    public DateOnly? Since { get; set; }
}

public sealed class GetWidgetHandler(ThingStore store) : IRequestHandler<GetWidget, WidgetView>
{
    public Task<WidgetView> Handle(GetWidget request, CancellationToken cancellationToken)
    {
        store.Received.Enqueue(request);
        return Task.FromResult(new WidgetView(request.ShopId, request.WidgetId, request.Color, request.Size, request.MaxPrice, request.PageSize, request.InStock, request.Since));
    }
}

/// <summary>A positional record bound from the route and the query.</summary>
[RestGet("orders/{orderId}")]
public sealed record GetOrder(int OrderId, string? Note) : IRequest<string>;

public sealed class GetOrderHandler : IRequestHandler<GetOrder, string>
{
    public Task<string> Handle(GetOrder request, CancellationToken cancellationToken) =>
        Task.FromResult($"order {request.OrderId} {request.Note}");
}

public sealed record Thing(int Id, int ShopId, string Name, int Quantity);

/// <summary>POST with a route value and a body: 201 with a Location built from the response.</summary>
[RestPost("shops/{shopId}/things", Location = "shops/{shopId}/things/{id}", Summary = "Creates a thing in a shop.")]
public sealed class CreateThing : IRequest<Thing>
{
    public int ShopId { get; set; }

    [Required]
    [StringLength(40)]
    public string Name { get; set; } = string.Empty;

    public int Quantity { get; set; }
}

public sealed class CreateThingHandler(ThingStore store) : IRequestHandler<CreateThing, Thing>
{
    public Task<Thing> Handle(CreateThing request, CancellationToken cancellationToken)
    {
        store.Received.Enqueue(request);
        var thing = new Thing(store.NextId(), request.ShopId, request.Name, request.Quantity);
        store.Things[thing.Id] = thing;
        return Task.FromResult(thing);
    }
}

/// <summary>PUT returning nothing: 204.</summary>
[RestPut("shops/{shopId}/things/{thingId}")]
public sealed class ReplaceThing : IRequest
{
    public int ShopId { get; set; }

    public int ThingId { get; set; }

    [Required]
    public string Name { get; set; } = string.Empty;

    public int Quantity { get; set; }
}

public sealed class ReplaceThingHandler(ThingStore store) : IRequestHandler<ReplaceThing>
{
    public Task Handle(ReplaceThing request, CancellationToken cancellationToken)
    {
        store.Received.Enqueue(request);
        store.Things[request.ThingId] = new Thing(request.ThingId, request.ShopId, request.Name, request.Quantity);
        return Task.CompletedTask;
    }
}

public sealed record ArchiveTicket(int ThingId, string State);

/// <summary>POST whose members are all route-bound, with a declared 202.</summary>
[RestPost("things/{thingId}/archive", StatusCode = 202)]
public sealed class ArchiveThing : IRequest<ArchiveTicket>
{
    public int ThingId { get; set; }
}

public sealed class ArchiveThingHandler(ThingStore store) : IRequestHandler<ArchiveThing, ArchiveTicket>
{
    public Task<ArchiveTicket> Handle(ArchiveThing request, CancellationToken cancellationToken)
    {
        store.Received.Enqueue(request);
        return Task.FromResult(new ArchiveTicket(request.ThingId, "queued"));
    }
}

public sealed record DeleteResult(int ShopId, int ThingId, bool Hard, string? Reason);

/// <summary>DELETE: route values and query values, no body.</summary>
[RestDelete("shops/{shopId}/things/{thingId}")]
public sealed class DeleteThing : IRequest<DeleteResult>
{
    public int ShopId { get; set; }

    public int ThingId { get; set; }

    public bool Hard { get; set; }

    public string? Reason { get; set; }
}

public sealed class DeleteThingHandler(ThingStore store) : IRequestHandler<DeleteThing, DeleteResult>
{
    public Task<DeleteResult> Handle(DeleteThing request, CancellationToken cancellationToken)
    {
        store.Received.Enqueue(request);
        store.Things.TryRemove(request.ThingId, out _);
        return Task.FromResult(new DeleteResult(request.ShopId, request.ThingId, request.Hard, request.Reason));
    }
}

/// <summary>A handler that fails the way its route value says.</summary>
[RestGet("failures/{kind}")]
public sealed class Fail : IRequest<string>
{
    public string Kind { get; set; } = string.Empty;
}

public sealed class FailHandler : IRequestHandler<Fail, string>
{
    public const string Secret = "Server=db;Password=hunter2";

    public Task<string> Handle(Fail request, CancellationToken cancellationToken) => request.Kind switch
    {
        "not-found" => throw new NotFoundException("Thing 7 does not exist.", "thing_not_found"),
        "conflict" => throw new ConflictException("Thing 7 was changed meanwhile."),
        "forbidden" => throw new ForbiddenException(),
        "invalid" => throw new RequestValidationException("name", "The name is taken."),
        "crash" => throw new InvalidOperationException("Could not connect: " + Secret),
        _ => Task.FromResult("fine"),
    };
}

public sealed record ThingV2(int Id, string Label);

/// <summary>Only in version 2.</summary>
[RestGet("things/{thingId}", Version = 2)]
public sealed class GetThingV2 : IRequest<ThingV2>
{
    public int ThingId { get; set; }
}

public sealed class GetThingV2Handler : IRequestHandler<GetThingV2, ThingV2>
{
    public Task<ThingV2> Handle(GetThingV2 request, CancellationToken cancellationToken) =>
        Task.FromResult(new ThingV2(request.ThingId, "v2"));
}

/// <summary>On the action door only: the REST door and its documents must not show it.</summary>
[Action]
public sealed class ActionOnlyRecount : IRequest<int>
{
}

public sealed class ActionOnlyRecountHandler : IRequestHandler<ActionOnlyRecount, int>
{
    public Task<int> Handle(ActionOnlyRecount request, CancellationToken cancellationToken) => Task.FromResult(0);
}
