using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hybrid.Clients;

/// <summary>
/// Writes the documents into the clients folder and, when one of them (or the templates) changed,
/// runs NSwag once for the shared types module and every client. A build that changes no operation
/// writes the same documents, finds the same fingerprint and does not start NSwag.
/// </summary>
internal static class ClientGeneration
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Run(IReadOnlyList<ExportedDocument> documents, GenerationOptions options, NSwagRunner nswag, TextWriter log)
    {
        Directory.CreateDirectory(options.Output);
        Directory.CreateDirectory(options.Work);
        foreach (var document in documents)
        {
            WriteIfChanged(Path.Combine(options.Output, document.Name + ".json"), document.Json);
        }

        // A document that is not OpenAPI (the MCP door's tool list) is written as it is, with no client.
        var clients = documents.Where(IsOpenApi).Select(d => Describe(d, options)).ToList();
        var expected = clients.Select(c => c.Output).Append(Path.Combine(options.Output, NSwagConfig.TypesModule + ".ts"))
            .Concat(options.CSharp ? clients.Where(c => c.CSharpOutput is not null).Select(c => c.CSharpOutput!) : []);
        var fingerprint = Fingerprint(documents, options);
        var fingerprintFile = Path.Combine(options.Work, "fingerprint");

        // The MSBuild target reruns the tool when one of these files is gone, whatever else changed.
        var outputs = documents.Select(d => Path.Combine(options.Output, d.Name + ".json")).Concat(expected).ToList();
        RemoveStale(Path.Combine(options.Work, "outputs"), outputs, log);
        File.WriteAllLines(Path.Combine(options.Work, "outputs"), outputs);
        if (File.Exists(fingerprintFile) && File.ReadAllText(fingerprintFile) == fingerprint && expected.All(File.Exists))
        {
            log.WriteLine("Hybrid.Clients: documents unchanged; clients are current.");
            return;
        }

        foreach (var stale in Directory.GetFiles(options.Work, "*.nswag"))
        {
            File.Delete(stale);
        }

        var shared = new SharedSchemas();
        foreach (var client in clients)
        {
            var document = JsonNode.Parse(client.Document.Json)!.AsObject();
            var names = shared.Add(document);
            var extension = Path.Combine(options.Work, client.Document.Name + ".extension.ts");
            File.WriteAllText(extension, Imports(names, client.BaseClass, client.Document.Json, ClientDocument.HasStreams(document)));
            var slim = Path.Combine(options.Work, client.Document.Name + ".client.json");
            WriteIfChanged(slim, Encoding.UTF8.GetBytes(ClientDocument.Slim(JsonNode.Parse(client.Document.Json)!.AsObject()).ToJsonString()));
            Write(Path.Combine(options.Work, client.Document.Name + ".nswag"), NSwagConfig.Client(
                slim, client.Output, client.ClassName, client.BaseClass, extension, options.Templates));
            if (options.CSharp && client.CSharpOutput is not null)
            {
                // One namespace per version: each document's client carries its own DTOs and ApiException, and v1's Note may differ from v2's.
                var csharp = Path.Combine(options.Work, client.Document.Name + ".cs.json");
                Write(csharp, CSharpDocument.Prepare(JsonNode.Parse(client.Document.Json)!.AsObject()));
                Write(Path.Combine(options.Work, client.Document.Name + ".cs.nswag"), NSwagConfig.CSharp(
                    csharp, client.CSharpOutput, client.ClassName, options.CSharpNamespace + "." + Pascal(client.Document.Name), options.Templates));
            }
        }

        var types = new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Shared types", ["version"] = "1" },
            ["paths"] = new JsonObject(),
            ["components"] = new JsonObject { ["schemas"] = shared.Schemas },
        };
        var typesDocument = Path.Combine(options.Work, NSwagConfig.TypesModule + ".json");
        Write(typesDocument, types);
        Write(Path.Combine(options.Work, NSwagConfig.TypesModule + ".nswag"), NSwagConfig.Types(
            typesDocument, Path.Combine(options.Output, NSwagConfig.TypesModule + ".ts"), Runtime(options)));

        var watch = Stopwatch.StartNew();
        nswag.Run([.. Directory.GetFiles(options.Work, "*.nswag").Order(StringComparer.Ordinal)], options.Output);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Hybrid.Clients: generated {string.Join(", ", expected.Select(Path.GetFileName))} in {watch.Elapsed.TotalSeconds:0.0} s."));
        File.WriteAllText(fingerprintFile, fingerprint);
    }

    /// <summary>
    /// Deletes what an earlier run generated and this one no longer does (C# clients switched off, a
    /// version retired), so the folder never holds a client of an API that is gone. Only files the
    /// earlier run listed as its own, in this run's folder, are touched.
    /// </summary>
    internal static void RemoveStale(string listFile, IReadOnlyCollection<string> outputs, TextWriter log)
    {
        if (!File.Exists(listFile))
        {
            return;
        }

        // A run into another folder (HybridClientsOutput changed) leaves the old folder as it was.
        var folders = outputs.Select(Path.GetDirectoryName).ToHashSet(StringComparer.Ordinal);
        foreach (var earlier in File.ReadAllLines(listFile).Except(outputs, StringComparer.Ordinal))
        {
            if (folders.Contains(Path.GetDirectoryName(earlier)) && File.Exists(earlier))
            {
                File.Delete(earlier);
                log.WriteLine("Hybrid.Clients: removed " + earlier + ", which this build no longer generates.");
            }
        }
    }

    private static bool IsOpenApi(ExportedDocument document) => JsonNode.Parse(document.Json)?["openapi"] is not null;

    private static ClientFile Describe(ExportedDocument document, GenerationOptions options)
    {
        if (!document.IsPublic)
        {
            return new ClientFile(document, "ActionsClient", "HybridActionsClientBase", Path.Combine(options.Output, document.Name + ".ts"), null);
        }

        var title = JsonNode.Parse(document.Json)?["info"]?["title"]?.GetValue<string>() ?? "Rest";
        var className = Pascal(title) + Pascal(document.Name) + "Client";
        return new ClientFile(document, className, "HybridClientBase", Path.Combine(options.Output, "rest-" + document.Name + ".ts"), Path.Combine(options.Output, "Rest" + Pascal(document.Name) + "Client.cs"));
    }

    /// <summary>The runtime's files, in the order they go into the shared module.</summary>
    private static readonly string[] RuntimeFiles = ["runtime.ts", "streams.ts", "shared-stream.ts", "sse.ts"];

    /// <summary>The clients' runtime as one file, NSwag's extension code for the shared module: the requests, then the streams.</summary>
    private static string Runtime(GenerationOptions options)
    {
        var runtime = Path.Combine(options.Work, "runtime.ts");
        var text = string.Join("\n", RuntimeFiles.Select(f => File.ReadAllText(Path.Combine(options.Templates, f))));
        WriteIfChanged(runtime, Encoding.UTF8.GetBytes(text));
        return runtime;
    }

    /// <summary>
    /// The client's imports from the shared module: the runtime, and each type its document refers to,
    /// under the document's name. One import a name: NSwag reads extension code with expressions whose
    /// cost grows with the square of a line's length.
    /// </summary>
    private static string Imports(IReadOnlyDictionary<string, string> names, string baseClass, byte[] json, bool streams)
    {
        var referenced = References(json);
        var used = names.Where(n => referenced.Contains(n.Key))
            .Select(n => n.Key == n.Value ? n.Key : n.Value + " as " + n.Key)
            .Append("FileParameter").Append("HttpFetch").Concat(streams ? ["StreamOptions"] : [])
            .Order(StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"import {{ ApiException, {baseClass}, NotModified, toFormData }} from \"./{NSwagConfig.TypesModule}\";\n");
        foreach (var name in used)
        {
            text.Append(CultureInfo.InvariantCulture, $"import type {{ {name} }} from \"./{NSwagConfig.TypesModule}\";\n");
        }

        return text.ToString();
    }

    /// <summary>Every component a document refers to, in one pass over it.</summary>
    private static HashSet<string> References(byte[] json)
    {
        const string prefix = "#/components/schemas/";
        var found = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json);
        var isReference = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                isReference = reader.ValueTextEquals("$ref"u8);
            }
            else if (isReference && reader.TokenType == JsonTokenType.String && reader.GetString() is { } target && target.StartsWith(prefix, StringComparison.Ordinal))
            {
                found.Add(target[prefix.Length..]);
                isReference = false;
            }
        }

        return found;
    }

    private static string Fingerprint(IReadOnlyList<ExportedDocument> documents, GenerationOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var document in documents)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(document.Name + (document.IsPublic ? "+" : "-")));
            hash.AppendData(document.Json);
        }

        foreach (var template in Directory.GetFiles(options.Templates, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(File.ReadAllBytes(template));
        }

        hash.AppendData(Encoding.UTF8.GetBytes(options.CSharp + options.CSharpNamespace + typeof(ClientGeneration).Assembly.ManifestModule.ModuleVersionId));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Write(string path, JsonNode node) => WriteIfChanged(path, Encoding.UTF8.GetBytes(node.ToJsonString(Indented)));

    private static void WriteIfChanged(string path, byte[] bytes)
    {
        if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            File.WriteAllBytes(path, bytes);
        }
    }

    private static string Pascal(string text)
    {
        var result = new StringBuilder();
        foreach (var word in Regex.Split(text, "[^A-Za-z0-9]+"))
        {
            if (word.Length > 0)
            {
                // "API" reads as "Api" in a name, as .NET's naming guidelines spell acronyms.
                var rest = word.All(c => !char.IsLower(c)) ? word[1..].ToLowerInvariant() : word[1..];
                result.Append(char.ToUpperInvariant(word[0])).Append(rest);
            }
        }

        return result.ToString();
    }

    private sealed record ClientFile(ExportedDocument Document, string ClassName, string BaseClass, string Output, string? CSharpOutput);
}
