namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The contract gate in a real build: a small app in a temporary folder uses Hybrid.Clients the way the
/// Blog does (the package's props and targets, the tool built from source). Its first build records
/// contract/v1.json; an additive change builds; a breaking edit of a request type fails the build with
/// one error naming the path, the operation and the member; accepting records the new baseline.
/// </summary>
public sealed class ContractGateBuildTests : IDisposable
{
    private readonly string _app = Directory.CreateTempSubdirectory("hybrid-gate-").FullName;

    [Fact]
    public async Task A_breaking_edit_of_a_request_type_fails_the_build_naming_the_break_until_accepted()
    {
        WriteApp(extraMembers: "");
        var first = (await BuildAsync()).ShouldSucceed("the first build, which records the baseline");
        var baseline = Path.Combine(_app, "contract", "v1.json");
        first.Output.Should().Contain($"Hybrid: recorded the contract baseline {baseline} from v1.json.", "the note shows at the default verbosity");
        File.Exists(baseline).Should().BeTrue("the first build records the public document as the baseline");
        File.Exists(Path.Combine(_app, "contract", "actions.json")).Should().BeFalse("the actions document is never gated");
        File.Exists(Path.Combine(_app, "clients", "rest-v1.ts")).Should().BeTrue();

        WriteApp(extraMembers: "public string? Tag { get; set; }");
        (await BuildAsync()).ShouldSucceed("an optional request member is additive");

        WriteApp(extraMembers: "public string? Tag { get; set; }\n    [System.ComponentModel.DataAnnotations.Required] public string Title { get; set; } = \"\";");
        var broken = await BuildAsync();
        broken.ExitCode.Should().NotBe(0, "a new required request member breaks the contract:\n" + broken.Output);
        ErrorLines(broken).Should().Equal(
            $"{baseline} : error HYB101: POST /api/v1/notes (CreateNote): request body property 'title' was added as required. Fix: restore it, or accept the change with dotnet build -p:HybridAcceptContract=true. [{Project}]");
        ShouldBeQuiet(broken);

        var accepted = (await BuildAsync("-p:HybridAcceptContract=true")).ShouldSucceed("accepting the change");
        accepted.Output.Should().Contain($"Hybrid: accepted v1.json as the contract baseline {baseline}.", "the note shows at the default verbosity");
        (await File.ReadAllTextAsync(baseline)).Should().Contain("\"title\"", "the accepted baseline has the new member");
        (await BuildAsync()).ShouldSucceed("a build against the accepted baseline");
    }

    [Fact]
    public async Task Configuration_problems_are_one_compiler_style_error_line_each_and_nothing_else()
    {
        WriteApp(
            extraMembers: "",
            extraTypes: """
                [RestGet("notes/{noteId}")]
                [AllowAnonymous]
                public sealed class ReadNote : IRequest<Note>
                {
                    public int Id { get; set; }
                }

                public sealed class ReadNoteHandler : IRequestHandler<ReadNote, Note>
                {
                    public Task<Note> Handle(ReadNote request, CancellationToken cancellationToken) => Task.FromResult(new Note(request.Id, ""));
                }

                [RestDelete("notes/{id}")]
                [Authorize(Policy = "NoSuchPolicy")]
                public sealed class RemoveNote : IRequest<Note>
                {
                    public int Id { get; set; }
                }

                public sealed class RemoveNoteHandler : IRequestHandler<RemoveNote, Note>
                {
                    public Task<Note> Handle(RemoveNote request, CancellationToken cancellationToken) => Task.FromResult(new Note(request.Id, ""));
                }
                """);

        var build = await BuildAsync();

        build.ExitCode.Should().NotBe(0, build.Output);
        ErrorLines(build).Should().Equal(
            $"{Project} : error HYB010: ReadNote: GET 'notes/{{noteId}}' (declared by attribute) has the placeholder {{noteId}} but ReadNote has no public property of that name. Fix: rename the placeholder or add the property.",
            $"{Project} : error HYB081: RemoveNote requires the authorization policy 'NoSuchPolicy', which the app's DefaultAuthorizationPolicyProvider does not know, so ASP.NET Core would answer every call with 500. " +
            "Fix: define it (services.AddAuthorizationBuilder().AddPolicy(\"NoSuchPolicy\", p => p.RequireAuthenticatedUser())), or name a policy the app defines.");
        ShouldBeQuiet(build);
    }

    public void Dispose() => Directory.Delete(_app, recursive: true);

    private string Project => Path.Combine(_app, "Notes.csproj");

    /// <summary>The lines MSBuild logged as errors, as the console shows them, before its summary lists them again (as it does the compiler's).</summary>
    private static List<string> ErrorLines(ProcessRunner.Result build) =>
        [.. build.Output.Split('\n').Select(l => l.TrimEnd('\r').Trim()).TakeWhile(l => l != "Build FAILED.").Where(l => l.Contains(": error ", StringComparison.Ordinal))];

    /// <summary>Nothing but the error lines: no exception type, no stack frame, no echo of the tool's command line.</summary>
    private static void ShouldBeQuiet(ProcessRunner.Result build)
    {
        build.Output.Should().NotContain("AggregateException").And.NotContain("MSB3073").And.NotContain("Exception:").And.NotContain("dotnet exec");
        build.Output.Split('\n').Should().NotContain(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal), "no stack frame is printed");
    }

    /// <summary>The build at its default verbosity.</summary>
    private Task<ProcessRunner.Result> BuildAsync(params string[] extra) =>
        ProcessRunner.RunAsync(
            "dotnet",
            ["build", "-c", Repository.Configuration, "--nologo", "--no-dependencies", .. extra],
            _app,
            new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
            TimeSpan.FromMinutes(4));

    private void WriteApp(string extraMembers, string extraTypes = "")
    {
        var src = Path.Combine(Repository.Root, "src");
        var clients = Path.Combine(src, "Clients");

        // Stop MSBuild's search for Directory.Build.props and central package versions above the temp folder.
        File.WriteAllText(Path.Combine(_app, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_app, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(_app, "Notes.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <HybridClientsToolPath>{clients}/bin/{Repository.Configuration}/net10.0/Hybrid.Clients.dll</HybridClientsToolPath>
                <HybridClientsTemplates>{clients}/templates/</HybridClientsTemplates>
              </PropertyGroup>
              <Import Project="{clients}/build/Hybrid.Clients.props" />
              <ItemGroup>
                <ProjectReference Include="{src}/Actions/Hybrid.Actions.csproj" />
                <ProjectReference Include="{src}/Http/Hybrid.Http.csproj" />
                <PackageReference Include="NSwag.MSBuild" Version="14.7.1" PrivateAssets="all" />
              </ItemGroup>
              <Import Project="{clients}/build/Hybrid.Clients.targets" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(_app, "Program.cs"), $$"""
            using Hybrid;
            using MediatR;
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHybrid([typeof(Program).Assembly], options => options.Title = "Notes");
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.MapHybridActions();
            app.MapHybridRest();
            app.Run();

            [Action]
            [RestPost("notes")]
            [AllowAnonymous]
            public sealed class CreateNote : IRequest<Note>
            {
                public string Text { get; set; } = "";
                {{extraMembers}}
            }

            public sealed record Note(int Id, string Text);

            public sealed class CreateNoteHandler : IRequestHandler<CreateNote, Note>
            {
                public Task<Note> Handle(CreateNote request, CancellationToken cancellationToken) => Task.FromResult(new Note(1, request.Text));
            }

            {{extraTypes}}

            public partial class Program;
            """);
    }
}
