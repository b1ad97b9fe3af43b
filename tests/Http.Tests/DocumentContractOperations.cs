using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace Hybrid.Http.Tests;

// Request types the document contract tests expose in code (no route attributes), so that no other
// test's document lists them.

/// <summary>One sprocket by id.</summary>
/// <remarks>Sprockets are looked up in the store.</remarks>
[ProducesProblem(404, "thing_missing", Description = "No sprocket has this id.")]
public sealed class FindSprocket : IRequest<Sprocket>
{
    /// <summary>The sprocket's id.</summary>
    public int SprocketId { get; set; }
}

/// <summary>Every sprocket.</summary>
public sealed class ListSprockets : IRequest<IReadOnlyList<Sprocket>>;

/// <summary>Every sprocket, where version 1 first listed them.</summary>
public sealed class ListOldSprockets : IRequest<IReadOnlyList<Sprocket>>;

/// <summary>Adds a sprocket.</summary>
[Authorize]
[EnableRateLimiting("x")]
[Idempotent(Required = true)]
public sealed class AddSprocket : IRequest<Sprocket>
{
    /// <summary>The sprocket's name.</summary>
    [Required]
    [StringLength(40)]
    public string Name { get; set; } = string.Empty;

    /// <summary>How many teeth it has.</summary>
    [Range(1, int.MaxValue)]
    public int Teeth { get; set; }

    /// <summary>Its diameter in millimetres.</summary>
    [Range(0.5, 120.25)]
    public double Diameter { get; set; }
}

/// <summary>Renames a sprocket.</summary>
public sealed class RenameSprocket : IRequest
{
    /// <summary>The sprocket's id.</summary>
    public int SprocketId { get; set; }

    /// <summary>The new name.</summary>
    [Required]
    public string Name { get; set; } = string.Empty;
}

/// <summary>A sprocket.</summary>
/// <param name="Id">The sprocket's id.</param>
/// <param name="Name">The sprocket's name.</param>
/// <param name="Revision">Its revision, sent as the ETag.</param>
public sealed record Sprocket(int Id, string Name, [property: ResourceVersion] long Revision = 1);

public sealed class SprocketHandlers :
    IRequestHandler<FindSprocket, Sprocket>,
    IRequestHandler<ListSprockets, IReadOnlyList<Sprocket>>,
    IRequestHandler<ListOldSprockets, IReadOnlyList<Sprocket>>,
    IRequestHandler<AddSprocket, Sprocket>,
    IRequestHandler<RenameSprocket>
{
    public Task<Sprocket> Handle(FindSprocket request, CancellationToken cancellationToken) =>
        request.SprocketId == 1 ? Task.FromResult(new Sprocket(1, "Small")) : throw new NotFoundException("No such sprocket.", "thing_missing");

    public Task<IReadOnlyList<Sprocket>> Handle(ListSprockets request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Sprocket>>([new Sprocket(1, "Small")]);

    public Task<IReadOnlyList<Sprocket>> Handle(ListOldSprockets request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Sprocket>>([]);

    public Task<Sprocket> Handle(AddSprocket request, CancellationToken cancellationToken) =>
        Task.FromResult(new Sprocket(2, request.Name));

    public Task Handle(RenameSprocket request, CancellationToken cancellationToken) => Task.CompletedTask;
}
