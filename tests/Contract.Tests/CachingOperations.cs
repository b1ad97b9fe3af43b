using MediatR;

namespace Hybrid.Contract.Tests;

// Operations for caching and revalidation: a cached read per shelf, and mutations that make it stale.

public sealed record ShelfView(int ShelfId, IReadOnlyList<string> Items);

public sealed record ShelfItem(int Id, int ShelfId, string Name);

[RestGet("shelves/{shelfId}")]
[ReadCache(60, "shelf:{shelfId}")]
public sealed class GetShelf : IRequest<ShelfView>
{
    public int ShelfId { get; set; }
}

public sealed class GetShelfHandler(RecordStore store) : IRequestHandler<GetShelf, ShelfView>
{
    public Task<ShelfView> Handle(GetShelf request, CancellationToken cancellationToken)
    {
        store.Ran($"GetShelf:{request.ShelfId}");
        return Task.FromResult(new ShelfView(request.ShelfId, [.. store.Shelves.GetOrAdd(request.ShelfId, _ => new())]));
    }
}

[Action]
[RestPost("shelves/{shelfId}/items")]
[Revalidates("shelf:{shelfId}", "item:{result.id}", "/shelves/{shelfId}")]
public sealed class AddToShelf : IRequest<ShelfItem>
{
    public int ShelfId { get; set; }

    public string Name { get; set; } = string.Empty;
}

public sealed class AddToShelfHandler(RecordStore store) : IRequestHandler<AddToShelf, ShelfItem>
{
    public Task<ShelfItem> Handle(AddToShelf request, CancellationToken cancellationToken)
    {
        var items = store.Shelves.GetOrAdd(request.ShelfId, _ => new());
        items.Enqueue(request.Name);
        return Task.FromResult(new ShelfItem(items.Count, request.ShelfId, request.Name));
    }
}

/// <summary>Declares the shelf stale, then fails: nothing may be revalidated.</summary>
[Action]
[RestPost("shelves/{shelfId}/failures", StatusCode = 200)]
[Revalidates("shelf:{shelfId}")]
public sealed class FailOnShelf : IRequest<string>
{
    public int ShelfId { get; set; }
}

public sealed class FailOnShelfHandler : IRequestHandler<FailOnShelf, string>
{
    public Task<string> Handle(FailOnShelf request, CancellationToken cancellationToken) =>
        throw new ConflictException("The shelf is locked.");
}

/// <summary>Declares nothing; its handler marks the shelf stale at run time.</summary>
[RestPost("shelves/{shelfId}/touch", StatusCode = 204)]
public sealed class TouchShelf : IRequest
{
    public int ShelfId { get; set; }
}

public sealed class TouchShelfHandler(IRevalidation revalidation) : IRequestHandler<TouchShelf>
{
    public Task Handle(TouchShelf request, CancellationToken cancellationToken)
    {
        revalidation.Tag($"shelf:{request.ShelfId}");
        return Task.CompletedTask;
    }
}
