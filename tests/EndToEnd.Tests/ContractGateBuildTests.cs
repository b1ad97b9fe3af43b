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
        (await BuildAsync()).ShouldSucceed("the first build, which records the baseline");
        var baseline = Path.Combine(_app, "contract", "v1.json");
        File.Exists(baseline).Should().BeTrue("the first build records the public document as the baseline");
        File.Exists(Path.Combine(_app, "contract", "actions.json")).Should().BeFalse("the actions document is never gated");
        File.Exists(Path.Combine(_app, "clients", "rest-v1.ts")).Should().BeTrue();

        WriteApp(extraMembers: "public string? Tag { get; set; }");
        (await BuildAsync()).ShouldSucceed("an optional request member is additive");

        WriteApp(extraMembers: "public string? Tag { get; set; }\n    [System.ComponentModel.DataAnnotations.Required] public string Title { get; set; } = \"\";");
        var broken = await BuildAsync();
        broken.ExitCode.Should().NotBe(0, "a new required request member breaks the contract:\n" + broken.Output);
        var line = broken.Output.Split('\n').FirstOrDefault(l => l.Contains("error HYB101", StringComparison.Ordinal));
        line.Should().NotBeNull("the build names the break with HYB101:\n" + broken.Output);
        line.Should().Contain(baseline).And.Contain("POST /api/v1/notes").And.Contain("CreateNote").And.Contain("'title'")
            .And.Contain("dotnet build -p:HybridAcceptContract=true");

        (await BuildAsync("-p:HybridAcceptContract=true")).ShouldSucceed("accepting the change");
        (await File.ReadAllTextAsync(baseline)).Should().Contain("\"title\"", "the accepted baseline has the new member");
        (await BuildAsync()).ShouldSucceed("a build against the accepted baseline");
    }

    public void Dispose() => Directory.Delete(_app, recursive: true);

    private Task<ProcessRunner.Result> BuildAsync(params string[] extra) =>
        ProcessRunner.RunAsync(
            "dotnet",
            ["build", "-c", Repository.Configuration, "--nologo", "--no-dependencies", .. extra],
            _app,
            new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
            TimeSpan.FromMinutes(4));

    private void WriteApp(string extraMembers)
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

            public partial class Program;
            """);
    }
}
