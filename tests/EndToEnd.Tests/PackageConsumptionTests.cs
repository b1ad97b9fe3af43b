using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// An app outside this repository installs Hybrid from its packages only: the libraries are packed
/// into a temporary folder under a version of this run's own, a small app that references nothing but
/// those packages (no ProjectReference) restores them from that folder into a package cache of its
/// own, builds, starts on 127.0.0.1 and answers through both doors.
/// </summary>
public sealed class PackageConsumptionTests : IDisposable
{
    private static readonly string[] Libraries = ["Hybrid.Core", "Hybrid.OpenApi", "Hybrid.Actions", "Hybrid.Http", "Hybrid.Redis"];

    private readonly string _folder = Directory.CreateTempSubdirectory("hybrid-packages-").FullName;

    [Fact]
    public async Task An_app_that_references_only_the_packages_builds_starts_and_answers_on_both_doors()
    {
        var version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var feed = Path.Combine(_folder, "feed");
        (await ProcessRunner.RunAsync("dotnet", ["pack", "Hybrid.sln", "-c", Repository.Configuration, "--no-build", "--nologo", "-o", feed, "-p:Version=" + version], Repository.Root, Cli(), TimeSpan.FromMinutes(4)))
            .ShouldSucceed("dotnet pack");

        foreach (var library in Libraries)
        {
            File.Exists(Path.Combine(feed, $"{library}.{version}.nupkg")).Should().BeTrue(library);
            File.Exists(Path.Combine(feed, $"{library}.{version}.snupkg")).Should().BeTrue(library + " symbols");
        }

        var actions = Nuspec(Path.Combine(feed, $"Hybrid.Actions.{version}.nupkg"));
        actions.Dependencies.Should().Contain([("Hybrid.Core", version), ("Hybrid.OpenApi", version)]);
        actions.Files.Should().Contain(["README.md", "lib/net10.0/Hybrid.Actions.dll", "lib/net10.0/Hybrid.Actions.xml"]);
        actions.License.Should().Be("MIT");

        var app = WriteApp(version);
        (await ProcessRunner.RunAsync("dotnet", ["build", "-c", "Release", "--nologo", "--packages", Path.Combine(_folder, "cache")], app, Cli(), TimeSpan.FromMinutes(4)))
            .ShouldSucceed("building the app from the packages");
        File.ReadAllText(Path.Combine(app, "Notes.csproj")).Should().NotContain("ProjectReference");

        var port = FreePort();
        using var server = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(app, "bin", "Release", "net10.0", "Notes.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        })!;
        var log = new StringBuilder();
        server.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        server.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var rest = await PollAsync(client, "/api/v1/notes/3", server, log);
            rest.Should().Be("""{"id":3,"text":"note 3"}""");

            using var action = await client.PostAsync("/_actions/GetNote", new StringContent("""{"id":4}""", Encoding.UTF8, "application/json"));
            action.StatusCode.Should().Be(HttpStatusCode.OK);
            (await action.Content.ReadAsStringAsync()).Should().Be("""{"id":4,"text":"note 4"}""");

            using var missing = await client.PostAsync("/_actions/GetNote", new StringContent("""{"id":"x"}""", Encoding.UTF8, "application/json"));
            missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await missing.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"validation_failed\"");

            (await client.GetStringAsync("/openapi/v1.json")).Should().Contain("/api/v1/notes/{id}").And.Contain("\"title\": \"Notes\"");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp folder is the OS's to clean.
        }
    }

    private static Dictionary<string, string> Cli() => new() { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };

    /// <summary>The app a user writes: the Web SDK, two package references, one operation on both doors.</summary>
    private string WriteApp(string version)
    {
        var app = Path.Combine(_folder, "app");
        Directory.CreateDirectory(app);

        // Stop MSBuild's search for Directory.Build.props and central package versions above the temp folder.
        File.WriteAllText(Path.Combine(_folder, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(_folder, "Directory.Packages.props"), "<Project />\n");

        // The packed folder is added to the machine's own package sources (no <clear/>), which serve MediatR.
        File.WriteAllText(Path.Combine(app, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="hybrid-packed" value="../feed" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "Notes.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Hybrid.Actions" Version="{version}" />
                <PackageReference Include="Hybrid.Http" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Hybrid;
            using MediatR;
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHybrid([typeof(Program).Assembly], options => options.Title = "Notes");
            var app = builder.Build();
            app.MapHybridActions();
            app.MapHybridRest();
            app.Run();

            [Action]
            [RestGet("notes/{id}")]
            [AllowAnonymous]
            public sealed class GetNote : IRequest<Note>
            {
                public int Id { get; set; }
            }

            public sealed record Note(int Id, string Text);

            public sealed class GetNoteHandler : IRequestHandler<GetNote, Note>
            {
                public Task<Note> Handle(GetNote request, CancellationToken cancellationToken) => Task.FromResult(new Note(request.Id, "note " + request.Id));
            }
            """);
        return app;
    }

    private static async Task<string> PollAsync(HttpClient client, string path, Process server, StringBuilder log)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (server.HasExited)
            {
                lock (log)
                {
                    throw new InvalidOperationException("The app exited before answering; it printed:\n" + log);
                }
            }

            try
            {
                using var response = await client.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadAsStringAsync();
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The app did not answer {path} within 20 s.");
    }

    private static (List<(string Id, string Version)> Dependencies, List<string> Files, string? License) Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        var document = XDocument.Load(stream);
        var dependencies = document.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => ((string)e.Attribute("id")!, (string)e.Attribute("version")!)).ToList();
        var license = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "license")?.Value;
        return (dependencies, [.. zip.Entries.Select(e => e.FullName)], license);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
