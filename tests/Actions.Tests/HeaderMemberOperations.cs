using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hybrid.Actions.Tests;

// Exposed in code by HeaderMemberTests only, so the attribute-exposed set is unchanged.

/// <summary>A request with a [FromHeader] member, exposed on both doors.</summary>
public sealed class StampNote : IRequest<string>
{
    [FromHeader(Name = "X-Stamp")]
    public string? Stamp { get; set; }

    public string? Text { get; set; }
}

public sealed class StampNoteHandler : IRequestHandler<StampNote, string>
{
    public Task<string> Handle(StampNote request, CancellationToken cancellationToken) =>
        Task.FromResult($"{request.Stamp}|{request.Text}");
}
