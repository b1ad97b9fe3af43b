using System.ComponentModel.DataAnnotations;
using MediatR;

namespace Hybrid.Benchmarks;

/// <summary>A read the way a real app exposes it: an action, a REST GET and an MCP tool over one handler.</summary>
[Action]
[RestGet("things/{id}")]
[McpTool]
public sealed class GetThing : IRequest<Thing>
{
    public int Id { get; set; }
}

/// <summary>A write with validation, an action and a REST POST over one handler.</summary>
[Action]
[RestPost("things")]
public sealed class CreateThing : IRequest<Thing>
{
    [Required]
    [StringLength(100)]
    public string Name { get; set; } = string.Empty;
}

public sealed record Thing(int Id, string Name);

public sealed class GetThingHandler : IRequestHandler<GetThing, Thing>
{
    public Task<Thing> Handle(GetThing request, CancellationToken cancellationToken) =>
        Task.FromResult(new Thing(request.Id, "thing"));
}

public sealed class CreateThingHandler : IRequestHandler<CreateThing, Thing>
{
    public Task<Thing> Handle(CreateThing request, CancellationToken cancellationToken) =>
        Task.FromResult(new Thing(1, request.Name));
}

/// <summary>The same write as an action that requires an antiforgery token (token mode).</summary>
[Action]
[RequiresAntiforgeryToken]
public sealed class CreateGuardedThing : IRequest<Thing>
{
    [Required]
    [StringLength(100)]
    public string Name { get; set; } = string.Empty;
}

public sealed class CreateGuardedThingHandler : IRequestHandler<CreateGuardedThing, Thing>
{
    public Task<Thing> Handle(CreateGuardedThing request, CancellationToken cancellationToken) =>
        Task.FromResult(new Thing(1, request.Name));
}

/// <summary>The cached read: the REST door's GET served through output caching by tag.</summary>
[RestGet("cached-things/{id}")]
[ReadCache(60, "thing:{id}")]
public sealed class GetCachedThing : IRequest<Thing>
{
    public int Id { get; set; }
}

public sealed class GetCachedThingHandler : IRequestHandler<GetCachedThing, Thing>
{
    public Task<Thing> Handle(GetCachedThing request, CancellationToken cancellationToken) => Task.FromResult(new Thing(request.Id, "cached"));
}

/// <summary>The same mutation as <see cref="CreateThing"/>, declaring what it makes stale.</summary>
[RestPost("revalidating-things")]
[Revalidates("things", "thing:{result.id}")]
public sealed class CreateRevalidatingThing : IRequest<Thing>
{
    [Required]
    [StringLength(100)]
    public string Name { get; set; } = string.Empty;
}

public sealed class CreateRevalidatingThingHandler : IRequestHandler<CreateRevalidatingThing, Thing>
{
    public Task<Thing> Handle(CreateRevalidatingThing request, CancellationToken cancellationToken) => Task.FromResult(new Thing(1, request.Name));
}
