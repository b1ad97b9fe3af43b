using System.Text.Encodings.Web;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Hybrid.Mcp;

/// <summary>
/// The tools as agents see them (name, title, description, input and output schema, hints), and
/// the build-time document that lists them (<c>clients/mcp-tools.json</c>) with the same bytes an
/// agent's <c>tools/list</c> would carry, indented.
/// </summary>
internal static class McpToolDescriptions
{
    /// <summary>The document's name beside the others: <c>mcp-tools.json</c>.</summary>
    public const string DocumentName = "mcp-tools";

    /// <summary>
    /// Writes every tool's protocol form, the schemas of all of them in one pass; the hints read the
    /// methods every door mapped for each operation among <paramref name="endpoints"/>.
    /// </summary>
    public static IReadOnlyList<McpToolEntry> Describe(IReadOnlyList<McpToolEntry> tools, OperationCatalog catalog, IEnumerable<Microsoft.AspNetCore.Http.Endpoint> endpoints)
    {
        var methods = new Dictionary<HybridOperation, HashSet<string>>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<HybridEndpointMetadata>() is { } hybrid)
            {
                if (!methods.TryGetValue(hybrid.Operation, out var set))
                {
                    methods.Add(hybrid.Operation, set = new HashSet<string>(StringComparer.Ordinal));
                }

                set.Add(hybrid.Method);
            }
        }

        var schemas = McpSchemas.Build([.. tools.Select(t => t.Operation)], catalog, new XmlDocs());
        foreach (var tool in tools)
        {
            var (input, output) = schemas[tool.Operation];
            var info = tool.Info;
            var hints = McpToolHints.Of(info, methods.GetValueOrDefault(info.Operation) ?? []);
            tool.Protocol = new Tool
            {
                Name = info.Name,
                Title = info.Title,
                Description = info.Description,
                InputSchema = input,
                OutputSchema = output,
                Annotations = new ToolAnnotations
                {
                    Title = info.Title,
                    ReadOnlyHint = hints.ReadOnly,
                    DestructiveHint = hints.Destructive,
                    IdempotentHint = hints.Idempotent,
                },
            };
        }

        return tools;
    }

    /// <summary><c>{"tools": [...]}</c>, as <c>tools/list</c> answers a caller every tool is open to.</summary>
    public static byte[] Document(IReadOnlyList<McpToolEntry> tools)
    {
        var info = McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Tool));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("tools");
            foreach (var tool in tools)
            {
                JsonSerializer.Serialize(writer, tool.Protocol, info);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
