namespace Hybrid.Clients;

/// <summary>
/// What comparing a schema found without following references: its own breaks, and the component
/// pairs it reaches, which have findings of their own (collected once per document and direction). Paths
/// are relative to the schema.
/// </summary>
internal sealed class SchemaFindings((string Was, string Now)? pair)
{
    /// <summary>The baseline and current components compared, or null for a root schema.</summary>
    public (string Was, string Now)? Pair { get; } = pair;

    /// <summary>Whether <see cref="Breaks"/> and <see cref="Reached"/> are filled in yet.</summary>
    public bool Collected { get; set; }

    /// <summary>The last walk that reached these findings, so each walk visits them once without a set.</summary>
    public int Walk { get; set; }

    /// <summary>Each break as the member's path and what happened to it.</summary>
    public List<(string Path, string What)> Breaks { get; } = [];

    /// <summary>The component pairs reached, with the path each is reached at.</summary>
    public List<(string Path, SchemaFindings Findings)> Reached { get; } = [];
}
