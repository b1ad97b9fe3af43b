using System.ComponentModel.DataAnnotations;
using MediatR;

namespace Hybrid.Actions.Tests;

// Request types of FormRenderingTests, exposed in code (no [Action]) so the actions document snapshots are unchanged.

public enum Theme
{
    System,
    Light,
    Dark,
}

/// <summary>Every kind of input a form restores: text, a select, repeated checkboxes, a multiple select, indexed sections, a secret and a file.</summary>
public sealed class EditArticle : IRequest
{
    [Required]
    public string Title { get; set; } = string.Empty;

    public Theme Theme { get; set; }

    public List<string> Tags { get; set; } = [];

    public List<string> Channels { get; set; } = [];

    public List<EditedSection> Sections { get; set; } = [];

    [DataType(DataType.Password)]
    public string? Pin { get; set; }

    public HybridFile? Cover { get; set; }
}

public sealed class EditedSection
{
    [Required]
    public string Heading { get; set; } = string.Empty;

    public string? Body { get; set; }
}

public sealed class EditArticleHandler : IRequestHandler<EditArticle>
{
    public Task Handle(EditArticle request, CancellationToken cancellationToken) => Task.CompletedTask;
}
