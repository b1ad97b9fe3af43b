using System.Text.Json.Nodes;

namespace Hybrid.Scale;

/// <summary>NSwag's TypeScript generator over one served document.</summary>
internal sealed record ClientMeasure(string Document, double NSwagSeconds, double? NSwagPeakMb, long TypeScriptBytes, int Operations);

/// <summary><c>tsc --strict --noEmit</c> over both generated clients.</summary>
internal sealed record TscMeasure(double Seconds, double? PeakMb, int ExitCode, string? Errors);

/// <summary>What the TypeScript step measured for one size, or why it did not run.</summary>
internal sealed record TypeScriptMeasure(IReadOnlyList<ClientMeasure> Clients, TscMeasure? Tsc, string? Note);

/// <summary>
/// Runs NSwag's TypeScript generator (NSwag.MSBuild's dotnet-nswag.dll, with the sample's .nswag
/// configurations as templates, written into the work folder) on the documents a Hybrid app
/// served, then <c>tsc --strict --noEmit</c> over both clients, timing each and taking peak memory.
/// </summary>
internal static class TypeScriptStep
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    private static readonly (string Document, string Template, string ClassName, string Output)[] Clients =
    [
        ("v1", "rest-v1.nswag", "ScaleApiV1Client", "rest-v1.ts"),
        ("actions", "actions.nswag", "ScaleActionsClient", "actions.ts"),
    ];

    /// <summary>Finds NSwag's generator and the TypeScript compiler once, installing what is missing the way the tests do.</summary>
    public static async Task<(string? NSwag, string? Tsc, string? Note)> PrepareAsync()
    {
        var notes = new List<string>();
        var nswag = Repository.FindNSwagDll();
        if (nswag is null)
        {
            Console.Error.WriteLine("NSwag.MSBuild is not in the NuGet packages folder: restoring tests/EndToEnd.Tests, which references it");
            var restore = await Command.RunAsync("dotnet", ["restore", Path.Combine(Repository.Root, "tests", "EndToEnd.Tests", "Hybrid.EndToEnd.Tests.csproj"), "--nologo", "-v", "quiet"], Repository.Root, Limit);
            nswag = restore.ExitCode == 0 ? Repository.FindNSwagDll() : null;
            if (nswag is null)
            {
                notes.Add("NSwag's generator (NSwag.MSBuild tools/Net100/dotnet-nswag.dll) was not found: TypeScript step skipped");
            }
        }

        string? tsc = Repository.TypeScriptCompiler;
        if (!File.Exists(tsc))
        {
            Console.Error.WriteLine("TypeScript is not installed in tests/EndToEnd.Tests/ts: running eng/install-test-prerequisites.sh");
            await Command.RunAsync("bash", [Path.Combine(Repository.Root, "eng", "install-test-prerequisites.sh")], Repository.Root, TimeSpan.FromMinutes(15));
            if (!File.Exists(tsc))
            {
                tsc = null;
                notes.Add("TypeScript (tests/EndToEnd.Tests/ts/node_modules) could not be installed: tsc skipped");
            }
        }

        return (nswag, tsc, notes.Count == 0 ? null : string.Join("; ", notes));
    }

    public static async Task<TypeScriptMeasure> RunAsync(string folder, int operations, string? nswag, string? tsc, string? note)
    {
        if (nswag is null)
        {
            return new TypeScriptMeasure([], null, note);
        }

        var measures = new List<ClientMeasure>();
        foreach (var (document, template, className, output) in Clients)
        {
            var input = Path.Combine(folder, document + ".json");
            if (!File.Exists(input))
            {
                return new TypeScriptMeasure(measures, null, $"the app did not serve {document}.json: TypeScript step skipped");
            }

            var config = Path.Combine(folder, template);
            await File.WriteAllTextAsync(config, Configuration(template, className));
            var target = Path.Combine(folder, output);
            var run = (await Command.RunAsync("dotnet", [nswag, "run", config, $"/variables:Input={input},Output={target}"], folder, Limit, measureMemory: true))
                .ShouldSucceed("NSwag's TypeScript generator on " + document + ".json");
            measures.Add(new ClientMeasure(document, run.Elapsed.TotalSeconds, run.PeakMb, new FileInfo(target).Length, operations));
        }

        if (tsc is null)
        {
            return new TypeScriptMeasure(measures, null, note);
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "tsconfig.json"), """
            {
              "compilerOptions": {
                "target": "ES2022",
                "lib": ["ES2022", "DOM", "DOM.Iterable"],
                "module": "commonjs",
                "moduleResolution": "node10",
                "types": [],
                "strict": true,
                "skipLibCheck": true,
                "noEmit": true
              },
              "files": ["rest-v1.ts", "actions.ts"]
            }

            """);
        var compile = await Command.RunAsync("node", [tsc, "-p", "tsconfig.json", "--strict", "--noEmit"], folder, Limit, measureMemory: true);
        var errors = compile.ExitCode == 0 ? null : CommandResult.Tail(compile.Output, 20);
        if (errors is not null)
        {
            Console.Error.WriteLine("tsc --strict --noEmit failed on the generated clients:\n" + errors);
        }

        return new TypeScriptMeasure(measures, new TscMeasure(compile.Elapsed.TotalSeconds, compile.PeakMb, compile.ExitCode, errors), note);
    }

    /// <summary>The sample's configuration with this benchmark's client class name; the sample's own settings otherwise.</summary>
    private static string Configuration(string template, string className)
    {
        var path = Path.Combine(Repository.ClientsFolder, template);
        var json = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : Fallback();
        var generator = json["codeGenerators"]?["openApiToTypeScriptClient"]?.AsObject()
            ?? throw new InvalidOperationException(path + " has no codeGenerators.openApiToTypeScriptClient");
        generator["className"] = className;
        generator["output"] = "$(Output)";
        json["documentGenerator"] = new JsonObject { ["fromDocument"] = new JsonObject { ["url"] = "$(Input)" } };
        return json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Fallback() => JsonNode.Parse("""
        {
          "runtime": "Net100",
          "documentGenerator": { "fromDocument": { "url": "$(Input)" } },
          "codeGenerators": {
            "openApiToTypeScriptClient": {
              "template": "Fetch",
              "typeScriptVersion": 5.0,
              "typeStyle": "Interface",
              "dateTimeType": "string",
              "nullValue": "Undefined",
              "operationGenerationMode": "SingleClientFromOperationId",
              "wrapDtoExceptions": true,
              "exceptionClass": "ApiException",
              "markOptionalProperties": true,
              "generateOptionalParameters": true,
              "useAbortSignal": true,
              "newLineBehavior": "LF",
              "output": "$(Output)"
            }
          }
        }
        """)!.AsObject();
}
