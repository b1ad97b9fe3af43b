using Hybrid.Testing;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;

namespace Hybrid.Clients.Tests.CSharp;

/// <summary>
/// A C# client generated from a document as the build generates it (Hybrid's document preparation,
/// NSwag configuration and templates, NSwag run in-process), compiled by the SDK's own C# compiler with
/// the programs that call it, and loaded into this process so they can call an in-memory server.
/// </summary>
internal sealed class GeneratedCSharpClient : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private GeneratedCSharpClient(string folder, string source, Assembly assembly, AssemblyLoadContext context)
    {
        Folder = folder;
        Source = source;
        Assembly = assembly;
        _context = context;
    }

    public string Folder { get; }

    /// <summary>The first generated client's code.</summary>
    public string Source { get; }

    public Assembly Assembly { get; }

    /// <summary>Generates the client of <paramref name="document"/> and compiles it with <paramref name="programs"/> into one program.</summary>
    public static Task<GeneratedCSharpClient> BuildAsync(string document, string className, string ns, params string[] programs) =>
        BuildAsync([new ClientOf(document, className, ns)], programs);

    /// <summary>Generates a client of each document, each in its namespace, and compiles them with <paramref name="programs"/> into one program.</summary>
    public static async Task<GeneratedCSharpClient> BuildAsync(IReadOnlyList<ClientOf> documents, params string[] programs)
    {
        var folder = Directory.CreateTempSubdirectory("hybrid-csharp-client-").FullName;
        var sources = new List<string>();
        var configurations = new List<string>();
        for (var i = 0; i < documents.Count; i++)
        {
            var prepared = Path.Combine(folder, $"v{i + 1}.cs.json");
            await File.WriteAllTextAsync(prepared, CSharpDocument.Prepare(JsonNode.Parse(documents[i].Document)!.AsObject()).ToJsonString());
            sources.Add(Path.Combine(folder, $"RestV{i + 1}Client.cs"));
            configurations.Add(Path.Combine(folder, $"v{i + 1}.cs.nswag"));
            await File.WriteAllTextAsync(configurations[^1], NSwagConfig.CSharp(prepared, sources[^1], documents[i].ClassName, documents[i].Namespace, Templates).ToJsonString());
        }

        new NSwagRunner(Path.Combine(Metadata("NSwagDir"), "dotnet-nswag.dll")).Run(configurations, folder);
        var generated = await File.ReadAllTextAsync(sources[0]);
        for (var i = 0; i < programs.Length; i++)
        {
            sources.Add(Path.Combine(folder, $"Program{i}.cs"));
            await File.WriteAllTextAsync(sources[^1], programs[i]);
        }

        var assembly = Path.Combine(folder, "Caller.dll");
        try
        {
            await CompileAsync(sources, assembly);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }

        var context = new AssemblyLoadContext("generated-client", isCollectible: true);
        return new GeneratedCSharpClient(folder, generated, context.LoadFromAssemblyPath(assembly), context);
    }

    /// <summary>Calls <c>public static Task&lt;string&gt; {method}(HttpClient, ...)</c> of <paramref name="type"/>.</summary>
    public async Task<string> CallAsync(string type, string method, params object[] arguments)
    {
        var found = Assembly.GetType(type, throwOnError: true)!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{type}.{method} is not in the program.");
        return await (Task<string>)found.Invoke(null, arguments)!;
    }

    public void Dispose()
    {
        _context.Unload();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Hybrid.Clients' templates, as the Blog uses them from source.</summary>
    public static string Templates => Path.Combine(RepositoryRoot.Path, "src", "Clients", "templates");

    /// <summary>
    /// The SDK's csc, against the framework's reference assemblies, as a project with Nullable and
    /// ImplicitUsings on compiles the file: every warning (nullability, XML docs) is an error.
    /// </summary>
    private static async Task CompileAsync(IReadOnlyList<string> sources, string output)
    {
        var references = Directory.GetFiles(Metadata("ReferenceAssemblies"), "*.dll");
        var usings = Path.Combine(Path.GetDirectoryName(output)!, "ImplicitUsings.cs");
        await File.WriteAllTextAsync(usings, string.Concat(new[] { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" }
            .Select(n => $"global using global::{n};\n")));
        var arguments = new List<string> { Path.Combine(Metadata("RoslynDir"), "bincore", "csc.dll"), "-nologo", "-target:exe", "-nullable:enable", "-langversion:latest", "-warnaserror", "-debug-", "-doc:" + Path.ChangeExtension(output, ".xml"), "-out:" + output };
        arguments.AddRange(references.Select(r => "-r:" + r));
        arguments.Add(usings);
        arguments.AddRange(sources);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var csc = Process.Start(start)!;
        var stdout = csc.StandardOutput.ReadToEndAsync();
        var stderr = csc.StandardError.ReadToEndAsync();
        await csc.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        csc.ExitCode.Should().Be(0, "the generated client and its callers compile without a warning:\n" + await stdout + await stderr);
    }

    private static string Metadata(string key) =>
        typeof(GeneratedCSharpClient).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException(key + " was not recorded by the test project.");
}

/// <summary>A document and the C# client to generate from it.</summary>
internal sealed record ClientOf(string Document, string ClassName, string Namespace);
