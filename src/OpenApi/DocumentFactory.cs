using NJsonSchema;
using NSwag;

namespace Hybrid;

/// <summary>Creates an empty OpenAPI 3 document and serializes a finished one.</summary>
internal static class DocumentFactory
{
    public static OpenApiDocument Create(string title, string version, string? description)
    {
        var document = new OpenApiDocument
        {
            SchemaType = SchemaType.OpenApi3,
            Info = new OpenApiInfo { Title = title, Version = version, Description = description },
        };
        return document;
    }

    /// <summary>JSON with sorted component names, so that the same catalog always gives the same bytes.</summary>
    public static string ToJson(OpenApiDocument document)
    {
        var sorted = document.Components.Schemas.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        document.Components.Schemas.Clear();
        foreach (var (name, schema) in sorted)
        {
            document.Components.Schemas[name] = schema;
        }

        return document.ToJson(SchemaType.OpenApi3, Newtonsoft.Json.Formatting.Indented).Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
