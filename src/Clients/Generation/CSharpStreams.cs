using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hybrid.Clients;

/// <summary>
/// What a stream operation (<c>x-hybrid-stream</c>) becomes in the copy of a document NSwag reads for the C# client.
/// NSwag would read its event stream as one JSON array; Hybrid's templates (<c>Client.Class.Stream</c>) write the
/// method instead, and read from the copy only what NSwag resolves for them: the success response points at the item
/// schema, so NSwag generates the item's type and names it as every other method's result; and the extension keeps
/// two plain values, the seconds of silence after which the client reconnects and the C# name of the problem type.
/// </summary>
internal static class CSharpStreams
{
    private const string Extension = "x-hybrid-stream";
    private const string SchemaPrefix = "#/components/schemas/";

    /// <summary>The wait for a byte the documents state when they state none, as <c>HybridStreamOptions.ClientTimeout</c>'s default.</summary>
    private const int DefaultTimeoutSeconds = 45;

    public static void Prepare(JsonObject operation)
    {
        if (operation[Extension] is not JsonObject stream || stream["item"] is not JsonNode item)
        {
            return;
        }

        var responses = operation["responses"] as JsonObject ?? [];
        var success = responses["200"] as JsonObject ?? [];
        success["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = item.DeepClone() } };
        success["description"] ??= "OK";
        success.Remove("headers");
        responses["200"] = success;

        // A stream has no 304: a conditional GET's ETag and If-None-Match do not apply to it.
        responses.Remove("304");
        if (operation["parameters"] is JsonArray parameters)
        {
            foreach (var conditional in parameters.OfType<JsonObject>().Where(p => (string?)p["in"] == "header" && string.Equals((string?)p["name"], "If-None-Match", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                parameters.Remove(conditional);
            }
        }

        operation[Extension] = new JsonObject
        {
            ["clientTimeoutSeconds"] = stream["clientTimeoutSeconds"] is JsonValue seconds && seconds.GetValueKind() == JsonValueKind.Number ? seconds.GetValue<double>() : DefaultTimeoutSeconds,
            ["problem"] = ProblemType(stream["events"]?["error"]),
        };
    }

    /// <summary>The C# type NSwag names the <c>error</c> event's problem schema: the component's name, <c>ProblemDetails</c> when none is given.</summary>
    private static string ProblemType(JsonNode? schema) =>
        schema?["$ref"] is JsonValue reference && reference.GetValueKind() == JsonValueKind.String &&
        reference.GetValue<string>() is { } target && target.StartsWith(SchemaPrefix, StringComparison.Ordinal)
            ? CSharpDocument.Pascal(target[SchemaPrefix.Length..])
            : "ProblemDetails";
}
