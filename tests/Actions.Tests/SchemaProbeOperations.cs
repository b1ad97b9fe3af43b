using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using MediatR;

namespace Hybrid.Actions.Tests;

/// <summary>Everything the document's schema writer describes.</summary>
/// <remarks>Exposed by code only (no attribute), so the other document tests never see it.</remarks>
public sealed class SchemaProbe : IRequest<SchemaProbeResult>
{
    /// <summary>The probe's <c>name</c>, as <see cref="SchemaProbe"/> shows it.</summary>
    [Required]
    [StringLength(30, MinimumLength = 2)]
    public string Name { get; set; } = "";

    public string? Nickname { get; set; }

    public int? Age { get; set; }

    public ProbeMood Mood { get; set; }

    public ProbeTone Tone { get; set; }

    [MaxLength(3)]
    public List<string> Tags { get; set; } = [];

    public Dictionary<string, int> Scores { get; set; } = [];

    public ProbeAddress? Address { get; set; }

    public ProbeAddress Home { get; set; } = new();

    public Elsewhere.ProbeAddress? Other { get; set; }

    public ProbePage<ProbeAddress>? Page { get; set; }

    public ProbeShape? Shape { get; set; }

    public DateOnly Day { get; set; }

    public Guid Id { get; set; }

    [Range(0.5, 99.5)]
    public decimal Price { get; set; }

    public byte[]? Blob { get; set; }

    public object? Extra { get; set; }

    [JsonIgnore]
    public string Secret { get; set; } = "";
}

/// <summary>What the probe answers.</summary>
/// <param name="Id">The result's id.</param>
/// <param name="Note">A note, when there is one.</param>
/// <param name="Addresses">Every address seen.</param>
public sealed record SchemaProbeResult(int Id, string? Note, IReadOnlyList<ProbeAddress> Addresses);

public enum ProbeMood
{
    Calm,
    Busy,
    Away,
}

[JsonConverter(typeof(JsonStringEnumConverter<ProbeTone>))]
public enum ProbeTone
{
    Soft,
    Loud,
}

public sealed class ProbeAddress
{
    public string Street { get; set; } = "";

    public string? City { get; set; }
}

public sealed class ProbePage<T>
{
    public List<T> Items { get; set; } = [];
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ProbeCircle), "circle")]
[JsonDerivedType(typeof(ProbeSquare), "square")]
public abstract class ProbeShape
{
    public string Label { get; set; } = "";
}

public sealed class ProbeCircle : ProbeShape
{
    public double Radius { get; set; }
}

public sealed class ProbeSquare : ProbeShape
{
    public double Side { get; set; }
}

public static class Elsewhere
{
    /// <summary>Another type of the same name, in another scope.</summary>
    public sealed class ProbeAddress
    {
        public string Planet { get; set; } = "";
    }
}

public sealed class SchemaProbeHandler : IRequestHandler<SchemaProbe, SchemaProbeResult>
{
    public Task<SchemaProbeResult> Handle(SchemaProbe request, CancellationToken cancellationToken) =>
        Task.FromResult(new SchemaProbeResult(1, request.Nickname, [request.Home]));
}
