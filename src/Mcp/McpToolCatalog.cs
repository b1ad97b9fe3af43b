using System.Reflection;
using System.Text.RegularExpressions;

namespace Hybrid.Mcp;

/// <summary>
/// Which operations are MCP tools and how agents see them, read from the operation catalog alone:
/// each tool's name, title, description and hints (<see cref="McpToolHints"/>), and the start-up
/// checks of those (a name agents cannot call, two tools with one name, a tool with no
/// description). Nothing here maps or serves: the door's mapping reads it.
/// </summary>
internal sealed partial class McpToolCatalog
{
    private McpToolCatalog(IReadOnlyList<McpToolInfo> tools, IReadOnlyList<HybridConfigurationError> errors, IReadOnlyList<McpToolInfo> undescribed)
    {
        Tools = tools;
        Errors = errors;
        Undescribed = undescribed;
    }

    /// <summary>Every tool, ordered by name.</summary>
    public IReadOnlyList<McpToolInfo> Tools { get; }

    /// <summary>The configuration errors (HYB110, HYB111, and HYB112 under <see cref="HybridOptions.RequireExplicitPolicy"/>).</summary>
    public IReadOnlyList<HybridConfigurationError> Errors { get; }

    /// <summary>The tools with no description, which a start-up warning names (without <see cref="HybridOptions.RequireExplicitPolicy"/>).</summary>
    public IReadOnlyList<McpToolInfo> Undescribed { get; }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>Reads the tools of <paramref name="catalog"/>: the operations whose request type carries <see cref="McpToolAttribute"/>.</summary>
    public static McpToolCatalog Read(OperationCatalog catalog, XmlDocs docs, bool requireDescriptions)
    {
        var tools = new List<McpToolInfo>();
        var errors = new List<HybridConfigurationError>();
        var undescribed = new List<McpToolInfo>();
        var byName = new Dictionary<string, HybridOperation>(StringComparer.OrdinalIgnoreCase);
        foreach (var operation in catalog.Operations)
        {
            if (operation.RequestType.GetCustomAttribute<McpToolAttribute>(inherit: false) is not { } declared)
            {
                continue;
            }

            var name = declared.Name ?? operation.RequestType.Name;
            if (!NamePattern().IsMatch(name))
            {
                errors.Add(new("HYB110", $"{Full(operation)} is an MCP tool named '{name}', which agents cannot call. Fix: name it with 1 to 128 letters, digits, '_', '.' or '-' ([McpTool(Name = \"...\")])."));
                continue;
            }

            if (byName.TryGetValue(name, out var other))
            {
                errors.Add(new("HYB111", $"{Full(operation)} and {Full(other)} are both MCP tools named '{name}' (names are compared ignoring case, as some agents fold it). Fix: give one of them another name with [McpTool(Name = \"...\")]."));
                continue;
            }

            byName.Add(name, operation);
            var description = Describe(operation, docs);
            var tool = new McpToolInfo(operation, name, declared.Title, description, McpToolHints.Of(operation, declared));
            tools.Add(tool);
            if (description is not null)
            {
                continue;
            }

            if (requireDescriptions)
            {
                errors.Add(new("HYB112", $"{Full(operation)} is the MCP tool '{name}' but has no description, so an agent cannot tell when to call it, and HybridOptions.RequireExplicitPolicy is on. {DescriptionFix}"));
            }
            else
            {
                undescribed.Add(tool);
            }
        }

        tools.Sort((a, b) => StringComparer.Ordinal.Compare(a.Name, b.Name));
        return new McpToolCatalog(tools, errors, undescribed);
    }

    /// <summary>How to give a tool its description; the warning and HYB112 both say it.</summary>
    public const string DescriptionFix = "Fix: write a /// <summary> on the request type and build with <GenerateDocumentationFile>true</GenerateDocumentationFile>.";

    /// <summary>The request type's XML summary, else the summary its action or a route declares.</summary>
    private static string? Describe(HybridOperation operation, XmlDocs docs) =>
        docs.Of(operation.RequestType)
        ?? operation.Summary
        ?? operation.Routes.Select(r => r.Summary).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));

    private static string Full(HybridOperation operation) => operation.RequestType.FullName ?? operation.RequestType.Name;
}

/// <summary>One tool as the catalog reads it.</summary>
/// <param name="Operation">The operation the tool runs.</param>
/// <param name="Name">What agents call.</param>
/// <param name="Title">The human-readable title, if declared.</param>
/// <param name="Description">The description, or <see langword="null"/> when the operation has none.</param>
/// <param name="Hints">The behaviour hints agents read.</param>
internal sealed record McpToolInfo(HybridOperation Operation, string Name, string? Title, string? Description, McpToolHints Hints);
