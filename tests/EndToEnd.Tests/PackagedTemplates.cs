namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The templates as a new team meets them: packs every package into a temporary feed under a version of this
/// run's own (<see cref="LocalPackages"/>), installs Hybrid.Templates from it into a template hive of the
/// fixture's own (the machine's templates are left alone), creates an app from each template, builds each
/// once (one after the other) from the packed packages into a package cache of the run's own, and serves
/// each with <c>dotnet run</c> (its launch profile: Development) on a loopback port.
/// </summary>
public sealed class PackagedTemplates : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("hybrid-templates-").FullName;

    public string Version { get; } = LocalPackages.NewVersion();

    public string Feed => Path.Combine(Folder, "feed");

    public string Cache => Path.Combine(Folder, "cache");

    /// <summary>The template hive of this run: what <c>dotnet new install</c> wrote, and where <c>dotnet new</c> looks.</summary>
    public string Hive => Path.Combine(Folder, "hive");

    public string TemplatePackage => Path.Combine(Feed, $"Hybrid.Templates.{Version}.nupkg");

    internal ProcessRunner.Result Install { get; private set; } = null!;

    /// <summary><c>dotnet new hybrid-razor -n TaskBoard</c>.</summary>
    internal TemplateApp Razor { get; private set; } = null!;

    /// <summary><c>dotnet new hybrid-api -n TaskApi</c>.</summary>
    internal TemplateApp Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (await LocalPackages.PackAsync(Feed, Version)).ShouldSucceed("dotnet pack");
        LocalPackages.WriteOutsideRepository(Folder, "feed");
        Install = await DotnetAsync(Folder, "new", "install", TemplatePackage, "--debug:custom-hive", Hive);
        Install.ShouldSucceed("dotnet new install " + TemplatePackage);

        Razor = await CreateAndBuildAsync("hybrid-razor", "TaskBoard");
        Api = await CreateAndBuildAsync("hybrid-api", "TaskApi");
        Razor.Start();
        Api.Start();
    }

    /// <summary>Restores and builds a project of the temporary folder (not one of the apps) from the run's package cache.</summary>
    internal Task<ProcessRunner.Result> BuildOtherAsync(string project) =>
        DotnetAsync(project, "build", "-c", "Release", "--nologo", "--packages", Cache);

    public async Task DisposeAsync()
    {
        foreach (var app in new[] { Razor, Api })
        {
            if (app?.Server is { } server)
            {
                await server.DisposeAsync();
            }
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp folder is the OS's to clean.
        }
    }

    private async Task<TemplateApp> CreateAndBuildAsync(string template, string name)
    {
        var folder = Path.Combine(Folder, name);
        var created = await DotnetAsync(Folder, "new", template, "-n", name, "-o", folder, "--no-update-check", "--debug:custom-hive", Hive);
        created.ShouldSucceed($"dotnet new {template}");
        var build = await DotnetAsync(folder, "build", "-c", "Release", "--nologo", "--packages", Cache);
        return new TemplateApp(name, folder, created, build);
    }

    private static Task<ProcessRunner.Result> DotnetAsync(string folder, params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", arguments, folder, LocalPackages.Cli(), TimeSpan.FromMinutes(4));
}

/// <summary>An app a template created: what <c>dotnet new</c> and its first build printed, and the app served by <c>dotnet run</c>.</summary>
internal sealed class TemplateApp(string name, string folder, ProcessRunner.Result created, ProcessRunner.Result build)
{
    public string Name => name;

    public string Folder => folder;

    public ProcessRunner.Result Created => created;

    public ProcessRunner.Result Build => build;

    public RunningApp? Server { get; private set; }

    /// <summary>The served app's address, waiting for it to answer <paramref name="path"/> first.</summary>
    public async Task<Uri> AddressAsync(string path = "/api/v1/tasks")
    {
        var server = Server ?? throw new InvalidOperationException($"{name} did not build, so it was not started:\n{build.Output}");
        using var client = new HttpClient { BaseAddress = server.Address };
        await server.PollAsync(client, path, TimeSpan.FromSeconds(60));
        return server.Address;
    }

    /// <summary><c>dotnet run</c> as a user runs it (the launch profile's Development), on a free loopback port instead of the profile's.</summary>
    public void Start()
    {
        if (build.ExitCode == 0)
        {
            Server = RunningApp.Start("dotnet", ["run", "--no-build", "-c", "Release", "--"], folder, LocalPackages.Cli());
        }
    }
}
