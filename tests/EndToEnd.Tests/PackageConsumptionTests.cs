using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// An app outside this repository installs Hybrid from its packages only (<see cref="PackagedNotes"/>):
/// the packages carry what they should, the app restores them from the packed folder into a package
/// cache of its own, builds, writes its documents and clients on <c>dotnet build</c> without starting,
/// rebuilds incrementally, obeys the clients switches, starts on 127.0.0.1 and answers through both
/// doors, and its generated TypeScript and C# clients compile and call it.
/// </summary>
public sealed class PackageConsumptionTests(PackagedNotes notes) : IClassFixture<PackagedNotes>
{
    private static readonly string[] Libraries = ["Hybrid.Abstractions", "Hybrid.Core", "Hybrid.OpenApi", "Hybrid.Actions", "Hybrid.Http", "Hybrid.Mcp", "Hybrid.Redis"];

    [Fact]
    public void The_packages_carry_the_libraries_and_the_clients_build_tool()
    {
        foreach (var library in Libraries)
        {
            File.Exists(Path.Combine(notes.Feed, $"{library}.{notes.Version}.nupkg")).Should().BeTrue(library);
            File.Exists(Path.Combine(notes.Feed, $"{library}.{notes.Version}.snupkg")).Should().BeTrue(library + " symbols");
        }

        var actions = Nuspec.Read(Path.Combine(notes.Feed, $"Hybrid.Actions.{notes.Version}.nupkg"));
        actions.Dependencies.Select(d => (d.Id, d.Version)).Should().Contain([("Hybrid.Core", notes.Version), ("Hybrid.OpenApi", notes.Version)]);
        actions.Files.Should().Contain(["README.md", "lib/net10.0/Hybrid.Actions.dll", "lib/net10.0/Hybrid.Actions.xml"]);
        actions.Value("license").Should().Be("MIT");

        // The MediatR range is the line Hybrid is tested with: 12.x from 12.4.1, never the commercial 13+.
        var core = Nuspec.Read(Path.Combine(notes.Feed, $"Hybrid.Core.{notes.Version}.nupkg"));
        core.Dependencies.Should().Contain(d => d.Id == "MediatR").Which.Version.Should().Be("[12.4.1, 13.0.0)");

        // The vocabulary a domain project or a MAUI app installs: MediatR's contracts, never ASP.NET Core.
        core.Dependencies.Select(d => (d.Id, d.Version)).Should().Contain(("Hybrid.Abstractions", notes.Version));
        var abstractions = Nuspec.Read(Path.Combine(notes.Feed, $"Hybrid.Abstractions.{notes.Version}.nupkg"));
        abstractions.FrameworkReferences.Should().BeEmpty("a domain project or a .NET MAUI app installs it without ASP.NET Core");
        abstractions.Dependencies.Select(d => (d.Id, d.Version)).Should().Equal(("MediatR.Contracts", "[2.0.1, 3.0.0)"));
        abstractions.Files.Should().Contain(["README.md", "LICENSE", "lib/net10.0/Hybrid.Abstractions.dll", "lib/net10.0/Hybrid.Abstractions.xml"]);

        // The build tool: MSBuild props and targets, the tool and its templates, no library; NSwag.MSBuild
        // with its build assets (its buildTransitive props give the app NSwagDir_Net100); Hybrid's own
        // libraries come from the app, so the package does not depend on them.
        var path = Path.Combine(notes.Feed, $"Hybrid.Clients.{notes.Version}.nupkg");
        var clients = Nuspec.Read(path);
        clients.Files.Should().Contain([
            "README.md", "LICENSE", "build/Hybrid.Clients.props", "build/Hybrid.Clients.targets", "tools/net10.0/Hybrid.Clients.dll",
            "tools/templates/FetchClient.liquid", "tools/templates/runtime.ts"]);
        clients.Files.Should().NotContain(f => f.StartsWith("lib/", StringComparison.Ordinal) || f.StartsWith("ref/", StringComparison.Ordinal));
        clients.Value("developmentDependency").Should().Be("true");
        clients.Value("license").Should().Be("MIT");
        clients.Value("readme").Should().Be("README.md");
        var nswag = clients.Dependencies.Should().ContainSingle().Subject;
        nswag.Id.Should().Be("NSwag.MSBuild");
        (nswag.Exclude ?? string.Empty).Should().NotContainEquivalentOf("build", "its buildTransitive props must reach the app");
        clients.FrameworkReferences.Should().BeEmpty("the tool runs on the app's own framework");
        File.Exists(Path.ChangeExtension(path, ".snupkg")).Should().BeFalse("the tool's PDB is embedded; there is no library to symbolize");

        // The packed tool is the build output of the configuration that was packed, not a stale copy.
        using var zip = ZipFile.OpenRead(path);
        using var packed = new MemoryStream();
        using (var entry = zip.GetEntry("tools/net10.0/Hybrid.Clients.dll")!.Open())
        {
            entry.CopyTo(packed);
        }

        packed.ToArray().Should().Equal(File.ReadAllBytes(Path.Combine(Repository.Root, "src", "Clients", "bin", Repository.Configuration, "net10.0", "Hybrid.Clients.dll")));
    }

    [Fact]
    public async Task Building_the_app_writes_its_documents_and_clients_without_starting_it()
    {
        notes.First.Result.ShouldSucceed("building the app from the packages");
        File.ReadAllText(Path.Combine(notes.App, "Notes.csproj")).Should().NotContain("ProjectReference");
        notes.First.Clients.Keys.Should().Contain(["actions.json", "v1.json", "v2.json", "actions.ts", "rest-v1.ts", "rest-v2.ts", "types.ts"]);
        notes.First.Log.Should().Contain("Hybrid.Clients: generated ");
        File.ReadAllText(Path.Combine(notes.Clients, "v1.json")).Should().Contain("/api/v1/notes/{id}").And.Contain("note_not_found");
        File.ReadAllText(Path.Combine(notes.Clients, "actions.json")).Should().Contain("/_actions/CountNotes");

        // No build ran a hosted service (the marker, the SQLite file) or started the server (ApplicationStarted's
        // marker; Kestrel would also have failed the build on the held ASPNETCORE_URLS port)...
        notes.Leftovers.Should().BeEmpty("a build reads the app's documents without starting it");

        // ...while the same app, served, writes all three: their absence above is the build's doing.
        await notes.ServerAsync();
        foreach (var name in PackagedNotes.StartedFiles)
        {
            var file = Path.Combine(notes.Served, name);
            for (var attempt = 0; attempt < 100 && !File.Exists(file); attempt++)
            {
                await Task.Delay(100);
            }

            File.Exists(file).Should().BeTrue($"the served app writes {name} when it starts");
        }
    }

    [Fact]
    public void A_build_with_no_change_runs_no_tool_and_one_that_keeps_the_documents_runs_no_NSwag()
    {
        notes.Unchanged.Result.ShouldSucceed("building the app again");
        notes.Unchanged.Log.Should().Contain("Skipping target \"HybridGenerateClients\" because all output files are up-to-date");
        notes.Unchanged.Log.Should().NotContain("Hybrid.Clients: generated");
        notes.Unchanged.Clients.Should().Equal(notes.First.Clients, "nothing in clients/ was rewritten");

        notes.Edited.Result.ShouldSucceed("building the app after an edit");
        notes.Edited.AppAssemblyWritten.Should().BeAfter(notes.Unchanged.AppAssemblyWritten, "the edit recompiled the app");
        notes.Edited.Log.Should().Contain("Hybrid.Clients: documents unchanged; clients are current.");
        notes.Edited.Log.Should().NotContain("Hybrid.Clients: generated");
        notes.Edited.Clients.Should().Equal(notes.First.Clients, "nothing in clients/ was rewritten");
    }

    [Fact]
    public void The_switches_turn_generation_off_and_move_it()
    {
        notes.Off.Result.ShouldSucceed("building with HybridGenerateClients=false");
        // The output folder changed too, so only the switch kept the target from running and writing there.
        Directory.Exists(notes.Fresh).Should().BeFalse("generation is off, so nothing is written into HybridClientsOutput");
        notes.Off.Log.Should().NotContain("Hybrid.Clients:");

        notes.Moved.Result.ShouldSucceed("building with HybridClientsOutput");
        notes.Moved.Log.Should().Contain("Hybrid.Clients: generated ");
        Directory.GetFiles(notes.Other).Select(Path.GetFileName).Should().BeEquivalentTo(["actions.json", "v1.json", "v2.json", "actions.ts", "rest-v1.ts", "rest-v2.ts", "types.ts"]);
        foreach (var name in new[] { "actions.ts", "rest-v1.ts", "types.ts" })
        {
            File.ReadAllText(Path.Combine(notes.Other, name)).Should().Be(File.ReadAllText(Path.Combine(notes.Clients, name)), name);
        }

        notes.Moved.Clients.Should().Equal(notes.First.Clients, "the default folder was left alone");
    }

    [Fact]
    public async Task The_TypeScript_clients_compile_strictly_and_call_the_app_under_node()
    {
        var folder = Path.Combine(notes.Folder, "node");
        Directory.CreateDirectory(folder);
        var types = Path.Combine(Repository.TypeScriptFolder, "node_modules", "@types").Replace('\\', '/');
        await File.WriteAllTextAsync(Path.Combine(folder, "tsconfig.json"), $$"""
            {
              "compilerOptions": {
                "target": "ES2022",
                "lib": ["ES2022", "DOM", "DOM.Iterable"],
                "module": "commonjs",
                "moduleResolution": "node10",
                "typeRoots": ["{{types}}"],
                "types": ["node"],
                "noImplicitOverride": true,
                "noImplicitReturns": true,
                "skipLibCheck": true,
                "rootDir": "..",
                "outDir": "dist"
              },
              "files": ["run.ts", "../app/clients/actions.ts", "../app/clients/rest-v1.ts", "../app/clients/rest-v2.ts", "../app/clients/types.ts"]
            }
            """);

        // Both clients built with a base URL only (Node's global fetch); the no-argument action called with
        // none; a declared problem read through the typed narrowing: `code` must be the declared literal.
        await File.WriteAllTextAsync(Path.Combine(folder, "run.ts"), """
            import { ActionsClient, type GetNoteError as GetNoteActionError } from "../app/clients/actions";
            import { NotesV1Client, type GetNoteError } from "../app/clients/rest-v1";
            import { isApiException, NotModified } from "../app/clients/types";

            async function main(): Promise<void> {
                const baseUrl = process.argv[2];
                const rest = new NotesV1Client(baseUrl);
                const actions = new ActionsClient(baseUrl);
                const before = await actions.countNotes();
                const restNote = await rest.getNote(3);
                const restCreated = await rest.createNote({ text: "from rest" });
                const actionNote = await actions.getNote({ id: 4 });
                const actionCreated = await actions.createNote({ text: "from the action" });
                const readAcross = await actions.getNote({ id: restCreated.id });
                const after = await actions.countNotes();

                let restMissing = "answered";
                try {
                    await rest.getNote(4040);
                } catch (e) {
                    if (isApiException<GetNoteError>(e) && e.status === 404) {
                        const code: "note_not_found" = e.result.code;
                        restMissing = code;
                    } else {
                        throw e;
                    }
                }

                let actionMissing = "answered";
                try {
                    await actions.getNote({ id: 4040 });
                } catch (e) {
                    if (isApiException<GetNoteActionError>(e) && e.status === 404) {
                        const code: "note_not_found" = e.result.code;
                        actionMissing = code;
                    } else {
                        throw e;
                    }
                }

                // Every shape through both clients, as JSON (no file) and as a form with several files and an optional one.
                const shape = {
                    title: "Shapes", note: null, mood: "Curious" as const, day: "2026-03-01", at: "13:45:30",
                    when: "2026-03-01T23:30:00+14:00", price: 12.34, parts: [{ heading: "a", order: 1 }, { heading: "b", order: 2 }], lead: null,
                };
                const files = [{ data: new Blob(["one"]), fileName: "one.txt" }, { data: new Blob(["three"]), fileName: "three.txt" }];
                const shapes = [
                    await rest.echoShapes({ ...shape, files, extra: { data: new Blob(["x"]), fileName: "extra.txt" } }),
                    await actions.echoShapes({ ...shape, files, extra: null }),
                    await rest.echoShapes({ ...shape, lead: { heading: "lead", order: 0 } }),
                ].map(e => ({ ...e, when: new Date(e.when).toISOString() }));

                console.log(JSON.stringify({
                    shapes,
                    restNote: NotModified.is(restNote) ? "not modified" : restNote,
                    restCreated, actionNote, actionCreated, readAcross, created: after - before, restMissing, actionMissing,
                }));
            }

            main().catch(e => { console.error(e); process.exitCode = 1; });
            """);

        (await ProcessRunner.RunAsync("node", [GeneratedClientTests.TypeScriptCompiler(), "-p", "tsconfig.json", "--strict"], folder))
            .ShouldSucceed("tsc --strict over the generated clients and the script");
        var baseUrl = (await notes.ServerAsync()).ToString().TrimEnd('/');
        // 14 hours ahead of UTC: a day must come back as the same day.
        var run = await ProcessRunner.RunAsync("node", [Path.Combine(folder, "dist", "node", "run.js"), baseUrl], folder, new Dictionary<string, string> { ["TZ"] = "Pacific/Kiritimati" });
        run.ShouldSucceed("the Node script calling both clients");

        using var result = JsonDocument.Parse(run.Output.Split('\n').Last(l => l.StartsWith('{')));
        var root = result.RootElement;
        root.GetProperty("shapes").EnumerateArray().Select(e => e.GetRawText()).Should().Equal(
            """{"title":"Shapes","note":null,"mood":"Curious","day":"2026-03-01","at":"13:45:30","when":"2026-03-01T09:30:00.000Z","price":12.34,"parts":[{"heading":"a","order":1},{"heading":"b","order":2}],"lead":null,"files":["one.txt:3","three.txt:5"],"extra":"extra.txt:1"}""",
            """{"title":"Shapes","note":null,"mood":"Curious","day":"2026-03-01","at":"13:45:30","when":"2026-03-01T09:30:00.000Z","price":12.34,"parts":[{"heading":"a","order":1},{"heading":"b","order":2}],"lead":null,"files":["one.txt:3","three.txt:5"],"extra":null}""",
            """{"title":"Shapes","note":null,"mood":"Curious","day":"2026-03-01","at":"13:45:30","when":"2026-03-01T09:30:00.000Z","price":12.34,"parts":[{"heading":"a","order":1},{"heading":"b","order":2}],"lead":{"heading":"lead","order":0},"files":[],"extra":null}""");
        root.GetProperty("restNote").GetRawText().Should().Be("""{"id":3,"text":"note 3"}""");
        root.GetProperty("actionNote").GetRawText().Should().Be("""{"id":4,"text":"note 4"}""");
        root.GetProperty("restCreated").GetProperty("text").GetString().Should().Be("from rest");
        root.GetProperty("actionCreated").GetProperty("text").GetString().Should().Be("from the action");
        root.GetProperty("readAcross").GetRawText().Should().Be(root.GetProperty("restCreated").GetRawText(), "a note created through REST reads the same through the action");
        root.GetProperty("created").GetInt32().Should().Be(2, "countNotes() ran with no argument before and after the two creations");
        root.GetProperty("restMissing").GetString().Should().Be("note_not_found");
        root.GetProperty("actionMissing").GetString().Should().Be("note_not_found");
    }

    [Fact]
    public async Task With_CSharp_on_the_build_writes_CSharp_clients_that_call_the_app()
    {
        notes.CSharp.Result.ShouldSucceed("building with HybridClientsCSharp=true");
        notes.CSharp.Clients.Keys.Where(f => f.EndsWith(".cs", StringComparison.Ordinal)).Should().BeEquivalentTo(["RestV1Client.cs", "RestV2Client.cs"]);
        notes.First.Clients.Keys.Should().NotContain(f => f.EndsWith(".cs", StringComparison.Ordinal), "C# clients are off by default");

        // A console app that has nothing but the BCL and both generated files (each version in its own namespace).
        var lines = await ConsoleCaller.RunAsync(
            Path.Combine(notes.Folder, "caller"),
            "../app/clients/*.cs",
            """
            using Notes.Clients.V1;

            using var http = new HttpClient { BaseAddress = new Uri(args[0]) };
            var client = new NotesV1Client(http);
            var note = await client.GetNoteAsync(5);
            Console.WriteLine($"GET {note.Id} {note.Text}");
            var created = await client.CreateNoteAsync(new CreateNote { Text = "from C#" });
            Console.WriteLine($"POST {created.Id} {created.Text}");
            var read = await client.GetNoteAsync(created.Id);
            Console.WriteLine($"GET {read.Id} {read.Text}");
            try
            {
                await client.GetNoteAsync(4040);
                Console.WriteLine("missing: answered");
            }
            catch (ApiException<NoteNotFoundProblem> e)
            {
                Console.WriteLine($"missing: {e.StatusCode} {e.Result.Code}");
            }

            Console.WriteLine("v2: " + typeof(Notes.Clients.V2.NotesV2Client).FullName);
            """,
            notes.BuildOtherAsync,
            await notes.ServerAsync());
        lines[0].Should().Be("GET 5 note 5");
        var post = Regex.Match(lines[1], "^POST ([0-9]+) from C#$");
        post.Success.Should().BeTrue(lines[1]);
        int.Parse(post.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(100);
        lines[2].Should().Be($"GET {post.Groups[1].Value} from C#");
        lines[3].Should().Be("missing: 404 note_not_found");
        lines[4].Should().Be("v2: Notes.Clients.V2.NotesV2Client");
    }

    [Fact]
    public async Task An_app_that_references_only_the_packages_starts_and_answers_on_both_doors()
    {
        using var client = new HttpClient { BaseAddress = await notes.ServerAsync() };
        (await notes.PollAsync(client, "/api/v1/notes/3")).Should().Be("""{"id":3,"text":"note 3"}""");

        using var action = await client.PostAsync(new Uri("/_actions/GetNote", UriKind.Relative), new StringContent("""{"id":4}""", Encoding.UTF8, "application/json"));
        action.StatusCode.Should().Be(HttpStatusCode.OK);
        (await action.Content.ReadAsStringAsync()).Should().Be("""{"id":4,"text":"note 4"}""");

        using var invalid = await client.PostAsync(new Uri("/_actions/GetNote", UriKind.Relative), new StringContent("""{"id":"x"}""", Encoding.UTF8, "application/json"));
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"validation_failed\"");

        (await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).Should().Contain("/api/v1/notes/{id}").And.Contain("\"title\": \"Notes\"");
    }

    /// <summary>A package's nuspec and file list.</summary>
    private sealed record Nuspec(XElement Metadata, List<string> Files)
    {
        public static Nuspec Read(string package)
        {
            using var zip = ZipFile.OpenRead(package);
            var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using var stream = entry.Open();
            var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            return new Nuspec(metadata, [.. zip.Entries.Select(e => e.FullName)]);
        }

        public string? Value(string name) => Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

        public List<(string Id, string Version, string? Exclude)> Dependencies =>
            [.. Metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
                .Select(e => ((string)e.Attribute("id")!, (string)e.Attribute("version")!, (string?)e.Attribute("exclude")))];

        public List<string> FrameworkReferences =>
            [.. Metadata.Descendants().Where(e => e.Name.LocalName == "frameworkReference").Select(e => (string)e.Attribute("name")!)];
    }
}
