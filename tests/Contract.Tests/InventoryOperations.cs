using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace Hybrid.Contract.Tests;

// The inventory tests' operations: exposed in code by ExposureInventoryTests only, so no other test's catalog
// holds them. The attributes below are their endpoint metadata, not exposure.

[AllowAnonymous]
[EnableRateLimiting("reads")]
public sealed class ListShelves : IRequest<string[]>;

public sealed class ListShelvesHandler : IRequestHandler<ListShelves, string[]>
{
    public Task<string[]> Handle(ListShelves request, CancellationToken cancellationToken) => Task.FromResult<string[]>(["a", "b"]);
}

[Authorize(Roles = "keeper")]
public sealed class RemoveShelf : IRequest
{
    public int Id { get; set; }
}

public sealed class RemoveShelfHandler : IRequestHandler<RemoveShelf>
{
    public Task Handle(RemoveShelf request, CancellationToken cancellationToken) => Task.CompletedTask;
}

[Authorize(Policy = "stockers")]
[Idempotent]
[RequiresAntiforgeryToken]
[EnableRateLimiting("writes")]
public sealed class StockShelf : IRequest
{
    public int Id { get; set; }

    public int Count { get; set; }
}

public sealed class StockShelfHandler : IRequestHandler<StockShelf>
{
    public Task Handle(StockShelf request, CancellationToken cancellationToken) => Task.CompletedTask;
}

[AllowAnonymous]
[StandardWebhook("Shelves:WebhookSecret")]
public sealed class ShelfHook : IRequest
{
    public string? Type { get; set; }
}

public sealed class ShelfHookHandler : IRequestHandler<ShelfHook>
{
    public Task Handle(ShelfHook request, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>States nothing about who may call it: the operation the warning and strict mode are about.</summary>
public sealed class RenameShelf : IRequest
{
    public int Id { get; set; }

    public string? Name { get; set; }
}

public sealed class RenameShelfHandler : IRequestHandler<RenameShelf>
{
    public Task Handle(RenameShelf request, CancellationToken cancellationToken) => Task.CompletedTask;
}
