using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The packages of this run and a "Notes" app that uses nothing else: packs every library once into a
/// temporary feed under a version of this run's own, writes the app (Hybrid.Actions, Hybrid.Http and
/// Hybrid.Clients as package references only), and builds it in a fixed order, recording what each
/// build logged and left behind: the first build, one with no change, one after an edit that keeps
/// the documents, one with generation off, one into another folder, one with C# clients. Every build
/// runs in Production with <c>ASPNETCORE_URLS</c> on a port this fixture holds, so a build that started
/// Kestrel would fail. The app is served from a copy of the first build's output, so the builds and
/// the server never touch each other's files.
/// </summary>
public sealed class PackagedNotes : IAsyncLifetime
{
    /// <summary>What a running Notes app writes into its content root: a hosted service, another that opens SQLite, and ApplicationStarted.</summary>
    public static readonly string[] StartedFiles = ["started.marker", "notes.db", "listening.marker"];

    private readonly TcpListener _heldPort = new(IPAddress.Loopback, 0);
    private readonly SemaphoreSlim _serverLock = new(1, 1);
    private RunningApp? _server;

    public string Folder { get; } = Directory.CreateTempSubdirectory("hybrid-packages-").FullName;

    public string Version { get; } = LocalPackages.NewVersion();

    public string Feed => Path.Combine(Folder, "feed");

    public string Cache => Path.Combine(Folder, "cache");

    public string App => Path.Combine(Folder, "app");

    public string Clients => Path.Combine(App, "clients");

    /// <summary>Where the served copy of the first build runs (its content root).</summary>
    public string Served => Path.Combine(Folder, "served");

    /// <summary>The output folder of the build with generation off: it must never exist.</summary>
    public string Fresh => Path.Combine(Folder, "fresh");

    /// <summary>The output folder of the build with <c>HybridClientsOutput</c> set.</summary>
    public string Other => Path.Combine(Folder, "other");

    internal ProcessRunner.Result Pack { get; private set; } = null!;

    internal BuildRun First { get; private set; } = null!;

    internal BuildRun Unchanged { get; private set; } = null!;

    internal BuildRun Edited { get; private set; } = null!;

    internal BuildRun Off { get; private set; } = null!;

    internal BuildRun Moved { get; private set; } = null!;

    internal BuildRun CSharp { get; private set; } = null!;

    /// <summary>Each build's name and the files a started app writes that it left anywhere in the temporary folder.</summary>
    public List<(string Build, string File)> Leftovers { get; } = [];

    public async Task InitializeAsync()
    {
        _heldPort.Start();
        Pack = await LocalPackages.PackAsync(Feed, Version);
        Pack.ShouldSucceed("dotnet pack");
        WriteApp();

        First = await BuildAsync("first");
        First.Result.ShouldSucceed("building the app from the packages");
        CopyDirectory(Path.Combine(App, "bin", "Release", "net10.0"), Served);

        Unchanged = await BuildAsync("unchanged");

        var program = Path.Combine(App, "Program.cs");
        var source = await File.ReadAllTextAsync(program);
        source.Should().Contain(StartedText);
        await File.WriteAllTextAsync(program, source.Replace(StartedText, "started, rebuilt", StringComparison.Ordinal));
        Edited = await BuildAsync("edited");

        Off = await BuildAsync("off", "-p:HybridGenerateClients=false", "-p:HybridClientsOutput=" + Fresh);
        Moved = await BuildAsync("moved", "-p:HybridClientsOutput=" + Other);
        CSharp = await BuildAsync("csharp", "-p:HybridClientsCSharp=true");
    }

    /// <summary>The Notes app served on a loopback port from the first build's output; started once, on first use.</summary>
    public async Task<Uri> ServerAsync()
    {
        await _serverLock.WaitAsync();
        try
        {
            if (_server is not null)
            {
                return _server.Address;
            }

            var server = RunningApp.Start("dotnet", [Path.Combine(Served, "Notes.dll")], Served, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Production" });
            using var client = new HttpClient { BaseAddress = server.Address };
            try
            {
                await server.PollAsync(client, "/api/v1/notes/1");
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }

            _server = server;
            return server.Address;
        }
        finally
        {
            _serverLock.Release();
        }
    }

    /// <summary>A GET that waits for the app to listen; throws with the app's output if it exits first.</summary>
    public async Task<string> PollAsync(HttpClient client, string path) =>
        await (_server ?? throw new InvalidOperationException("The app is started by ServerAsync.")).PollAsync(client, path);

    /// <summary>Restores and builds a project of the temporary folder (the caller, not the app) from the run's package cache.</summary>
    internal Task<ProcessRunner.Result> BuildOtherAsync(string project) =>
        ProcessRunner.RunAsync("dotnet", ["build", "-c", "Release", "--nologo", "--packages", Cache], project, LocalPackages.Cli(), TimeSpan.FromMinutes(3));

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _heldPort.Stop();
        _serverLock.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp folder is the OS's to clean.
        }
    }

    private const string StartedText = "started, first build";

    /// <summary>
    /// One <c>dotnet build</c> of the app in Production with ASPNETCORE_URLS on the held port, with a detailed
    /// file log of which the lines about the clients target are kept, and the clients folder's write times after it.
    /// </summary>
    private async Task<BuildRun> BuildAsync(string name, params string[] properties)
    {
        var log = Path.Combine(Folder, "logs", name + ".log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        var environment = LocalPackages.Cli();
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["DOTNET_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{((IPEndPoint)_heldPort.LocalEndpoint).Port}";
        var result = await ProcessRunner.RunAsync(
            "dotnet",
            ["build", "-c", "Release", "--nologo", "--packages", Cache, $"-flp:logfile={log};verbosity=detailed", .. properties],
            App,
            environment,
            TimeSpan.FromMinutes(4));
        var lines = File.Exists(log)
            ? (await File.ReadAllLinesAsync(log)).Where(l => l.Contains("Hybrid.Clients:", StringComparison.Ordinal) || l.Contains("\"HybridGenerateClients\"", StringComparison.Ordinal))
            : [];
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            if (StartedFiles.Contains(Path.GetFileName(file)) && !file.StartsWith(Served + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                Leftovers.Add((name, file));
            }
        }

        return new BuildRun(result, string.Join('\n', lines), Snapshot(Clients), File.GetLastWriteTimeUtc(Path.Combine(App, "obj", "Release", "net10.0", "Notes.dll")));
    }

    private static Dictionary<string, DateTime> Snapshot(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.GetLastWriteTimeUtc) : [];

    /// <summary>The app a user writes: the Web SDK, Hybrid's three packages, SQLite, a few operations on both doors.</summary>
    private void WriteApp()
    {
        LocalPackages.WriteOutsideRepository(Folder, "feed");
        Directory.CreateDirectory(App);

        // Hybrid.Clients as `dotnet add package` writes a development dependency.
        File.WriteAllText(Path.Combine(App, "Notes.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Hybrid.Actions" Version="{Version}" />
                <PackageReference Include="Hybrid.Http" Version="{Version}" />
                <PackageReference Include="Hybrid.Clients" Version="{Version}">
                  <PrivateAssets>all</PrivateAssets>
                  <IncludeAssets>runtime; build; native; contentfiles; analyzers; buildtransitive</IncludeAssets>
                </PackageReference>
                <PackageReference Include="Microsoft.Data.Sqlite" Version="{CentralVersion("Microsoft.Data.Sqlite")}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(App, "Program.cs"), """
            using Hybrid;
            using MediatR;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.Data.Sqlite;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHybrid([typeof(Program).Assembly], options => options.Title = "Notes");
            builder.Services.AddSingleton<NoteStore>();
            builder.Services.AddHostedService<StartedMarker>();
            builder.Services.AddHostedService<NotesDatabase>();
            var app = builder.Build();
            app.MapHybridActions();
            app.MapHybridRest();
            // Raised once the server listens, never by a build.
            app.Lifetime.ApplicationStarted.Register(() =>
                File.WriteAllText(Path.Combine(app.Environment.ContentRootPath, "listening.marker"), string.Join(" ", app.Urls)));
            app.Run();

            [Action]
            [RestGet("notes/{id}")]
            [RestGet("notes/{id}", Version = 2)]
            [ProducesProblem(404, "note_not_found")]
            [AllowAnonymous]
            public sealed class GetNote : IRequest<Note>
            {
                public int Id { get; set; }
            }

            // Every shape a client must carry, through both doors and both bodies (JSON; a form with files).
            [Action]
            [RestPost("shapes", StatusCode = 200)]
            [MaxFiles(3)]
            [AllowAnonymous]
            public sealed class EchoShapes : IRequest<ShapesEcho>
            {
                public required string Title { get; set; }
                public string? Note { get; set; }
                public Mood Mood { get; set; }
                public DateOnly Day { get; set; }
                public TimeOnly At { get; set; }
                public DateTimeOffset When { get; set; }
                public decimal Price { get; set; }
                public IReadOnlyList<Part> Parts { get; set; } = [];
                public Part? Lead { get; set; }
                public IReadOnlyList<HybridFile> Files { get; set; } = [];
                public HybridFile? Extra { get; set; }
            }

            public enum Mood { Calm, Curious }

            public sealed record Part(string Heading, int Order);

            public sealed record ShapesEcho(string Title, string? Note, Mood Mood, DateOnly Day, TimeOnly At, DateTimeOffset When, decimal Price, IReadOnlyList<Part> Parts, Part? Lead, IReadOnlyList<string> Files, string? Extra);

            public sealed class EchoShapesHandler : IRequestHandler<EchoShapes, ShapesEcho>
            {
                public Task<ShapesEcho> Handle(EchoShapes r, CancellationToken cancellationToken) => Task.FromResult(new ShapesEcho(
                    r.Title, r.Note, r.Mood, r.Day, r.At, r.When, r.Price, r.Parts, r.Lead,
                    [.. r.Files.Select(f => f.FileName + ":" + f.Length)], r.Extra is { } extra ? extra.FileName + ":" + extra.Length : null));
            }

            [Action]
            [RestPost("notes", Location = "notes/{id}")]
            [AllowAnonymous]
            public sealed class CreateNote : IRequest<Note>
            {
                public required string Text { get; set; }
            }

            [Action]
            [AllowAnonymous]
            public sealed class CountNotes : IRequest<int>
            {
            }

            public sealed record Note(int Id, string Text);

            /// <summary>Notes 1 to 99 exist from the start ("note 3"); created ones are numbered from 101.</summary>
            public sealed class NoteStore
            {
                private readonly System.Collections.Concurrent.ConcurrentDictionary<int, Note> _created = new();
                private int _last = 100;

                public Note? Find(int id) => _created.TryGetValue(id, out var note) ? note : id is > 0 and < 100 ? new Note(id, "note " + id) : null;

                public Note Add(string text)
                {
                    var note = new Note(Interlocked.Increment(ref _last), text);
                    _created[note.Id] = note;
                    return note;
                }

                public int Created => _created.Count;
            }

            public sealed class GetNoteHandler(NoteStore store) : IRequestHandler<GetNote, Note>
            {
                public Task<Note> Handle(GetNote request, CancellationToken cancellationToken) =>
                    Task.FromResult(store.Find(request.Id) ?? throw new NotFoundException($"There is no note {request.Id}.", "note_not_found"));
            }

            public sealed class CreateNoteHandler(NoteStore store) : IRequestHandler<CreateNote, Note>
            {
                public Task<Note> Handle(CreateNote request, CancellationToken cancellationToken) => Task.FromResult(store.Add(request.Text));
            }

            public sealed class CountNotesHandler(NoteStore store) : IRequestHandler<CountNotes, int>
            {
                public Task<int> Handle(CountNotes request, CancellationToken cancellationToken) => Task.FromResult(store.Created);
            }

            /// <summary>Leaves a marker when the host starts it: a build must not.</summary>
            public sealed class StartedMarker(IHostEnvironment environment) : IHostedService
            {
                public Task StartAsync(CancellationToken cancellationToken) =>
                    File.WriteAllTextAsync(Path.Combine(environment.ContentRootPath, "started.marker"), "started, first build", cancellationToken);

                public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }

            /// <summary>Opens (and so creates) the app's SQLite database when the host starts it: a build must not.</summary>
            public sealed class NotesDatabase(IHostEnvironment environment) : IHostedService, IAsyncDisposable
            {
                private SqliteConnection? _connection;

                public async Task StartAsync(CancellationToken cancellationToken)
                {
                    _connection = new SqliteConnection("Data Source=" + Path.Combine(environment.ContentRootPath, "notes.db"));
                    await _connection.OpenAsync(cancellationToken);
                    using var command = _connection.CreateCommand();
                    command.CommandText = "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);";
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

                public async ValueTask DisposeAsync()
                {
                    if (_connection is not null)
                    {
                        await _connection.DisposeAsync();
                    }
                }
            }
            """);
    }

    /// <summary>The version the repository pins centrally, so the app restores what the machine already uses.</summary>
    private static string CentralVersion(string package) =>
        XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == package).Attribute("Version")!.Value;

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>One build of the Notes app: its result, the log lines about the clients target, the clients folder's write times, the app assembly's.</summary>
internal sealed record BuildRun(ProcessRunner.Result Result, string Log, IReadOnlyDictionary<string, DateTime> Clients, DateTime AppAssemblyWritten);
