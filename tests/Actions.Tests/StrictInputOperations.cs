using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MediatR;

namespace Hybrid.Actions.Tests;

/// <summary>What the strict-input handlers received, so a test can say exactly what was created.</summary>
public sealed class StrictInbox
{
    public ConcurrentQueue<object> Received { get; } = new();
}

/// <summary>A request with every kind of member a body can reach: nested object, list, free JSON, polymorphic member.</summary>
public sealed class StrictOrder : IRequest<int>
{
    public string Title { get; set; } = string.Empty;

    public int Quantity { get; set; }

    public StrictAddress? Address { get; set; }

    public List<StrictLine>? Lines { get; set; }

    public JsonElement Extra { get; set; }

    public JsonObject? Bag { get; set; }

    public JsonArray? Items { get; set; }

    public StrictShape? Shape { get; set; }
}

public sealed class StrictAddress
{
    public string? City { get; set; }
}

public sealed class StrictLine
{
    public int Sku { get; set; }
}

[JsonPolymorphic]
[JsonDerivedType(typeof(StrictCircle), "circle")]
public class StrictShape
{
}

public sealed class StrictCircle : StrictShape
{
    public int Radius { get; set; }
}

public sealed class StrictOrderHandler(HandlerCalls calls, StrictInbox inbox) : IRequestHandler<StrictOrder, int>
{
    public Task<int> Handle(StrictOrder request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(StrictOrder));
        inbox.Received.Enqueue(request);
        return Task.FromResult(request.Quantity);
    }
}

/// <summary>
/// An exposed request type that is itself polymorphic: MediatR dispatches on the runtime type, so a
/// body that made a <see cref="PromotedOrder"/> would reach <see cref="PromotedOrderHandler"/>.
/// </summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(PromotedOrder), "promoted")]
public class PlacedOrder : IRequest<string>
{
    public string Title { get; set; } = string.Empty;
}

public sealed class PromotedOrder : PlacedOrder
{
    public bool Free { get; set; }
}

public sealed class PlacedOrderHandler(HandlerCalls calls, StrictInbox inbox) : IRequestHandler<PlacedOrder, string>
{
    public Task<string> Handle(PlacedOrder request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(PlacedOrder));
        inbox.Received.Enqueue(request);
        return Task.FromResult(request.GetType().Name);
    }
}

/// <summary>Not exposed: reachable only if a body could turn a <see cref="PlacedOrder"/> into one.</summary>
public sealed class PromotedOrderHandler(HandlerCalls calls, StrictInbox inbox) : IRequestHandler<PromotedOrder, string>
{
    public Task<string> Handle(PromotedOrder request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(PromotedOrder));
        inbox.Received.Enqueue(request);
        return Task.FromResult(request.GetType().Name);
    }
}
