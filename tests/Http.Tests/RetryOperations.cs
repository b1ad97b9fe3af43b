using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using MediatR;

namespace Hybrid.Http.Tests;

// Exposed in code by RestHost.StartGuardedAsync only, so the other hosts of this assembly do not see them.

/// <summary>An idempotent create: 201 with a Location; it can block on <see cref="GuardCalls.Proceed"/> or fail with a 500.</summary>
[Idempotent(ExpirySeconds = 60)]
public sealed class PlaceOrder : IRequest<PlacedOrder>
{
    public string Item { get; set; } = string.Empty;

    public int Quantity { get; set; }

    public bool Block { get; set; }

    public bool Crash { get; set; }
}

public sealed record PlacedOrder(int Id, string Item, int Quantity);

public sealed class PlaceOrderHandler(GuardCalls calls) : IRequestHandler<PlaceOrder, PlacedOrder>
{
    public async Task<PlacedOrder> Handle(PlaceOrder request, CancellationToken cancellationToken)
    {
        calls.Runs.Enqueue((nameof(PlaceOrder), request));
        if (request.Block)
        {
            calls.Entered.Release();
            await calls.Proceed.WaitAsync(cancellationToken);
        }

        if (request.Crash)
        {
            throw new InvalidOperationException("The order service is down.");
        }

        var order = new PlacedOrder(calls.NextId(), request.Item, request.Quantity);
        calls.Stored[order.Id] = order;
        return order;
    }
}

/// <summary>A second idempotent operation, to show keys are scoped per operation.</summary>
[Idempotent]
public sealed class PlaceGift : IRequest<PlacedOrder>
{
    public string Item { get; set; } = string.Empty;

    public int Quantity { get; set; }
}

public sealed class PlaceGiftHandler(GuardCalls calls) : IRequestHandler<PlaceGift, PlacedOrder>
{
    public Task<PlacedOrder> Handle(PlaceGift request, CancellationToken cancellationToken)
    {
        calls.Runs.Enqueue((nameof(PlaceGift), request));
        var order = new PlacedOrder(calls.NextId(), request.Item, request.Quantity);
        calls.Stored[order.Id] = order;
        return Task.FromResult(order);
    }
}

/// <summary>Requires a key.</summary>
[Idempotent(Required = true)]
public sealed class PlaceStrictOrder : IRequest<PlacedOrder>
{
    public string Item { get; set; } = string.Empty;
}

public sealed class PlaceStrictOrderHandler(GuardCalls calls) : IRequestHandler<PlaceStrictOrder, PlacedOrder>
{
    public Task<PlacedOrder> Handle(PlaceStrictOrder request, CancellationToken cancellationToken)
    {
        calls.Runs.Enqueue((nameof(PlaceStrictOrder), request));
        var order = new PlacedOrder(calls.NextId(), request.Item, 1);
        calls.Stored[order.Id] = order;
        return Task.FromResult(order);
    }
}

/// <summary>No attribute: made idempotent (key required) with endpoint metadata in code.</summary>
public sealed class PatchNote : IRequest<PlacedOrder>
{
    public int NoteId { get; set; }

    public string Text { get; set; } = string.Empty;
}

public sealed class PatchNoteHandler(GuardCalls calls) : IRequestHandler<PatchNote, PlacedOrder>
{
    public Task<PlacedOrder> Handle(PatchNote request, CancellationToken cancellationToken)
    {
        calls.Runs.Enqueue((nameof(PatchNote), request));
        var order = new PlacedOrder(request.NoteId, request.Text, 1);
        calls.Stored[calls.NextId()] = order;
        return Task.FromResult(order);
    }
}

public static class RetryOperations
{
    public static void Expose(HybridOptions options)
    {
        options.Expose<PlaceOrder>(op => op.Post("orders", location: "orders/{id}"));
        options.Expose<PlaceGift>(op => op.Post("gifts"));
        options.Expose<PlaceStrictOrder>(op => op.Post("strict-orders"));
        options.Expose<PatchNote>(op =>
        {
            op.Patch("notes/{noteId}");
            op.Rest().WithMetadata(new IdempotentAttribute { Required = true });
        });
    }
}
