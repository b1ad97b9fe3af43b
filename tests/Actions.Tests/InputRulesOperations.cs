using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using MediatR;

namespace Hybrid.Actions.Tests;

/// <summary>What <see cref="SaveDraft"/>'s handler received.</summary>
public sealed class DraftInbox
{
    public ConcurrentQueue<SaveDraft> Received { get; } = new();
}

/// <summary>
/// A draft as an editor's form posts it, with a member for each input rule (docs/actions-input.md):
/// rules of its own, a value that can fail to parse, nullable and non-nullable text, a list, a nested
/// object, and a file member, so the REST door takes it as a multipart form too.
/// </summary>
public sealed class SaveDraft : IRequest<int>
{
    [Required]
    public string Title { get; set; } = string.Empty;

    [StringLength(10)]
    public string? Summary { get; set; }

    public DateOnly? PublishOn { get; set; }

    [Range(1, 5)]
    public int Priority { get; set; } = 1;

    public string? Nickname { get; set; } = "unset";

    public string Note { get; set; } = "unset";

    public List<int> Scores { get; set; } = [];

    public DraftAuthor? Author { get; set; }

    public HybridFile? Cover { get; set; }
}

public sealed class DraftAuthor
{
    [Required]
    public string? Name { get; set; }

    [Range(0, 150)]
    public int Age { get; set; }
}

public sealed class SaveDraftHandler(HandlerCalls calls, DraftInbox inbox) : IRequestHandler<SaveDraft, int>
{
    public Task<int> Handle(SaveDraft request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(SaveDraft));
        inbox.Received.Enqueue(request);
        return Task.FromResult(inbox.Received.Count);
    }
}

/// <summary>A request with a C# <c>required</c> member: JSON must name it, whatever else is wrong.</summary>
public sealed class SaveSlugged : IRequest<int>
{
    public required string Slug { get; set; }

    [Required]
    public string Title { get; set; } = string.Empty;

    public int Priority { get; set; }
}

public sealed class SaveSluggedHandler(HandlerCalls calls) : IRequestHandler<SaveSlugged, int>
{
    public Task<int> Handle(SaveSlugged request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(SaveSlugged));
        return Task.FromResult(1);
    }
}
