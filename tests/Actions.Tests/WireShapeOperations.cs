using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using MediatR;

namespace Hybrid.Actions.Tests;

// What WireShapeTests send through both doors and read in both documents; exposed in code only,
// so no other test's catalog holds them.

public enum ShapeStatus
{
    Draft,
    Published,
    Archived,
}

public enum ShapeReview
{
    [JsonStringEnumMemberName("in-review")]
    InReview,
    Done,
}

[Flags]
public enum ShapeRights
{
    None = 0,
    Read = 1,
    Write = 2,
}

/// <summary>Every enum, date and number kind, answered as received.</summary>
public sealed class EchoShapes : IRequest<ShapeEcho>
{
    public ShapeStatus Status { get; set; }

    public ShapeStatus? MaybeStatus { get; set; }

    public ShapeReview Review { get; set; }

    public ShapeRights Rights { get; set; }

    public DateOnly Day { get; set; }

    public TimeOnly At { get; set; }

    public DateTimeOffset When { get; set; }

    public DateTime Stamp { get; set; }

    public decimal Price { get; set; }

    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    public long Big { get; set; }
}

public sealed record ShapeEcho(
    ShapeStatus Status,
    ShapeStatus? MaybeStatus,
    ShapeReview Review,
    ShapeRights Rights,
    DateOnly Day,
    TimeOnly At,
    DateTimeOffset When,
    DateTime Stamp,
    decimal Price,
    [property: JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)] long Big);

public sealed class EchoShapesHandler : IRequestHandler<EchoShapes, ShapeEcho>
{
    public Task<ShapeEcho> Handle(EchoShapes r, CancellationToken cancellationToken) =>
        Task.FromResult(new ShapeEcho(r.Status, r.MaybeStatus, r.Review, r.Rights, r.Day, r.At, r.When, r.Stamp, r.Price, r.Big));
}

/// <summary>Every nullability a member can have, in a request.</summary>
public sealed class NullabilityProbe : IRequest<NullabilityResult>
{
    public string Text { get; set; } = "";

    public string? MaybeText { get; set; }

    public int Count { get; set; }

    public int? MaybeCount { get; set; }

    public ShapeNested Nested { get; set; } = new() { Label = "unnamed" };

    public ShapeNested? MaybeNested { get; set; }

    public List<string> Items { get; set; } = [];

    [Required]
    public string Named { get; set; } = "";

    public required int Needed { get; set; }

    /// <summary>Always valid: 0 is a value, so the validator never finds it missing.</summary>
    [Required]
    public int NotReally { get; set; }

    /// <summary>Always valid when left out: it starts as an empty list, which is not null.</summary>
    [Required]
    public List<string> Filled { get; set; } = [];
}

public sealed class ShapeNested
{
    [Required]
    public string Label { get; set; } = "";

    public string? Note { get; set; }
}

/// <summary>Every nullability a member can have, in a response.</summary>
public sealed record NullabilityResult(string Text, string? MaybeText, int Count, int? MaybeCount, ShapeNestedResult Nested, ShapeNestedResult? MaybeNested, List<string> Items)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Omitted { get; init; }
}

public sealed record ShapeNestedResult(string Label, string? Note);

public sealed class NullabilityProbeHandler : IRequestHandler<NullabilityProbe, NullabilityResult>
{
    public Task<NullabilityResult> Handle(NullabilityProbe r, CancellationToken cancellationToken) =>
        Task.FromResult(new NullabilityResult(
            r.Text,
            r.MaybeText,
            r.Count,
            r.MaybeCount,
            new ShapeNestedResult(r.Nested.Label, r.Nested.Note),
            r.MaybeNested is null ? null : new ShapeNestedResult(r.MaybeNested.Label, r.MaybeNested.Note),
            r.Items));
}

/// <summary>An article as a browser form posts it: lists of text and of objects, a date, an enum and files.</summary>
public sealed class ComposeArticle : IRequest<ComposedArticle>
{
    [Required]
    [StringLength(200)]
    public string Title { get; set; } = "";

    public ShapeStatus Status { get; set; }

    public DateOnly PublishOn { get; set; }

    public List<string> Tags { get; set; } = [];

    public List<ArticleSection> Sections { get; set; } = [];

    public HybridFile? Cover { get; set; }

    public List<HybridFile> Images { get; set; } = [];
}

public sealed class ArticleSection
{
    [Required]
    public string Heading { get; set; } = "";

    public string Body { get; set; } = "";
}

/// <summary>What the handler received; files by name and length.</summary>
public sealed record ComposedArticle(
    string Title,
    ShapeStatus Status,
    DateOnly PublishOn,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ArticleSection> Sections,
    string? Cover,
    IReadOnlyList<string> Images);

public sealed class ComposeArticleHandler : IRequestHandler<ComposeArticle, ComposedArticle>
{
    public Task<ComposedArticle> Handle(ComposeArticle r, CancellationToken cancellationToken) =>
        Task.FromResult(new ComposedArticle(
            r.Title,
            r.Status,
            r.PublishOn,
            r.Tags,
            r.Sections,
            r.Cover is null ? null : $"{r.Cover.FileName}:{r.Cover.Length}",
            [.. r.Images.Select(i => $"{i.FileName}:{i.Length}")]));
}
