using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;

namespace Hybrid.Mcp;

/// <summary>
/// The MCP door as Core sees it: its name and traits, its reading of the catalog (an operation
/// declared <see cref="McpToolAttribute"/> or <c>op.AsMcpTool()</c> is a tool; its name must be one
/// agents can call and unique, HYB110–HYB111; its description is the request type's XML summary, and
/// a tool without one is named in a start-up warning, or is HYB112 under
/// <see cref="HybridOptions.RequireExplicitPolicy"/>), and its column of the exposure inventory.
/// </summary>
internal sealed partial class McpDoor(bool requireDescriptions) : HybridDoor
{
    /// <summary>How to give a tool its description; the warning and HYB112 both say it.</summary>
    public const string DescriptionFix = "Fix: write a /// <summary> on the request type and build with <GenerateDocumentationFile>true</GenerateDocumentationFile>.";

    public override string Name => HybridDoors.Mcp;

    public override string ExposureTitle => "MCP tool";

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>
    /// A tool call is one POST with no route: its settings resolve as an action's do. Idempotent
    /// retries are replayed (<see cref="McpIdempotency"/>), so <c>[Idempotent]</c> acts here; the body
    /// limit is the transport's (<see cref="McpDoorOptions.MaxBodySize"/>), since the arguments are read with the message.
    /// </summary>
    public static DoorTraits Traits(McpDoorOptions options) => new()
    {
        Name = HybridDoors.Mcp,
        DefaultBodyLimit = options.MaxBodySize,
        AuthenticationSchemes = [.. options.AuthenticationSchemes],
        ReplaysIdempotentRequests = true,
    };

    /// <summary>The tools of a catalog by name, once the door was mapped; else <see langword="null"/>.</summary>
    public static McpToolIndex? IndexOf(OperationCatalog catalog) => catalog.Doors.ReadingOf(HybridDoors.Mcp) as McpToolIndex;

    public override object? BeginReading() => new McpToolIndex(new XmlDocs());

    public override object? Expose(HybridOperation operation, RequestShape shape, object? reading, List<HybridConfigurationError> errors)
    {
        McpToolAttribute? declared = null;
        foreach (var declaration in operation.DeclarationsFor(Name).OfType<McpToolAttribute>())
        {
            // Attributes first, then code: code wins where both name a value.
            declared = declared is null ? declaration : declared.With(declaration);
        }

        if (declared is null)
        {
            return null;
        }

        var index = (McpToolIndex)reading!;
        var name = declared.Name ?? operation.RequestType.Name;
        if (!NamePattern().IsMatch(name))
        {
            errors.Add(new("HYB110", $"{operation} is an MCP tool named '{name}', which agents cannot call. Fix: name it with 1 to 128 letters, digits, '_', '.' or '-' ([McpTool(Name = \"...\")] or op.AsMcpTool(\"...\"))."));
            return null;
        }

        if (index.Find(name) is { } other)
        {
            errors.Add(new("HYB111", $"{operation} and {other.Operation} are both MCP tools named '{name}' (names are compared ignoring case, as some agents fold it). Fix: give one of them another name with [McpTool(Name = \"...\")]."));
            return null;
        }

        var tool = new McpToolInfo(operation, name, declared.Title, Describe(operation, index.Docs), declared);
        if (tool.Description is null && requireDescriptions)
        {
            errors.Add(new("HYB112", $"{operation} is the MCP tool '{name}' but has no description, so an agent cannot tell when to call it, and HybridOptions.RequireExplicitPolicy is on. {DescriptionFix}"));
            return null;
        }

        index.Add(tool);
        return tool;
    }

    public override string Describe(object exposure) => "`" + ExposureInventory.Cell(((McpToolInfo)exposure).Name) + "`";

    /// <summary>The request type's XML summary, else the description or summary its metadata states (<c>[EndpointDescription]</c>...).</summary>
    private static string? Describe(HybridOperation operation, XmlDocs docs) =>
        docs.Of(operation.RequestType)
        ?? operation.Metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description
        ?? operation.Metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary;
}

/// <summary>The door's reading of one catalog: its tools by name (ignoring case), and those without a description.</summary>
internal sealed class McpToolIndex(XmlDocs docs)
{
    private readonly Dictionary<string, McpToolInfo> _byName = new(StringComparer.OrdinalIgnoreCase);

    public XmlDocs Docs { get; } = docs;

    public List<McpToolInfo> Undescribed { get; } = [];

    public McpToolInfo? Find(string name) => _byName.GetValueOrDefault(name);

    public void Add(McpToolInfo tool)
    {
        _byName.Add(tool.Name, tool);
        if (tool.Description is null)
        {
            Undescribed.Add(tool);
        }
    }
}

/// <summary>What the MCP door exposes of one operation: the tool as the catalog reads it.</summary>
/// <param name="Operation">The operation the tool runs.</param>
/// <param name="Name">What agents call.</param>
/// <param name="Title">The human-readable title, if declared.</param>
/// <param name="Description">The description, or <see langword="null"/> when the operation has none.</param>
/// <param name="Declared">The declaration, with the hints it states.</param>
internal sealed record McpToolInfo(HybridOperation Operation, string Name, string? Title, string? Description, McpToolAttribute Declared);
