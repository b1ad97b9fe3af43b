namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// A console app that has nothing but the BCL and an app's generated C# clients: written into
/// <c>folder</c>, built the way its fixture builds (its own package cache and feed), and run
/// against the live app; answers the lines it printed.
/// </summary>
internal static class ConsoleCaller
{
    public static async Task<List<string>> RunAsync(string folder, string clientsGlob, string program, Func<string, Task<ProcessRunner.Result>> build, Uri address)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "Caller.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="{clientsGlob}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "Program.cs"), program);
        (await build(folder)).ShouldSucceed("compiling the generated C# client into a console app");

        var run = await ProcessRunner.RunAsync("dotnet", [Path.Combine(folder, "bin", "Release", "net10.0", "Caller.dll"), address.ToString()], folder, LocalPackages.Cli());
        run.ShouldSucceed("the console app calling the REST door");
        return [.. run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)];
    }
}
