using Hybrid.Testing;
using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Hybrid.Clients.Tests.TypeScript;

/// <summary>
/// TypeScript clients generated from documents as the build generates them (<see cref="ClientGeneration"/>
/// with Hybrid's templates, NSwag in-process), compiled by the repository's pinned TypeScript under
/// <c>--strict</c> with the programs that call them, and run under Node.
/// </summary>
internal sealed class TypeScriptClients : IDisposable
{
    private TypeScriptClients(string folder) => Folder = folder;

    /// <summary>Holds <c>clients/</c> (what the generation wrote) and the programs.</summary>
    public string Folder { get; }

    public string Clients => Path.Combine(Folder, "clients");

    /// <summary>Generates the clients of <paramref name="documents"/> (name to JSON; "actions" is the internal one).</summary>
    public static TypeScriptClients Generate(IReadOnlyDictionary<string, string> documents)
    {
        var clients = new TypeScriptClients(Directory.CreateTempSubdirectory("hybrid-ts-clients-").FullName);
        var exported = documents.Select(d => new ExportedDocument(d.Key, d.Key != "actions", Encoding.UTF8.GetBytes(d.Value))).ToList();
        var options = new GenerationOptions(clients.Clients, Path.Combine(clients.Folder, "work"), Path.Combine(Metadata("NSwagDir"), "dotnet-nswag.dll"), Templates, false, "Clients");
        ClientGeneration.Run(exported, options, new NSwagRunner(options.NSwag), TextWriter.Null);
        return clients;
    }

    public string Read(string file) => File.ReadAllText(Path.Combine(Clients, file));

    /// <summary>
    /// Writes <paramref name="programs"/> next to the clients and compiles everything with <c>tsc --strict</c>
    /// into <c>dist/</c>; answers what tsc printed and its exit code.
    /// </summary>
    public async Task<(int ExitCode, string Output)> CompileAsync(IReadOnlyDictionary<string, string> programs)
    {
        foreach (var (name, text) in programs)
        {
            await File.WriteAllTextAsync(Path.Combine(Folder, name), text);
        }

        var files = Directory.GetFiles(Clients, "*.ts").Concat(programs.Keys.Select(p => Path.Combine(Folder, p)));
        string[] options =
        [
            "--strict", "--noImplicitOverride", "--noImplicitReturns", "--target", "ES2022", "--module", "commonjs", "--lib", "ES2022,DOM,DOM.Iterable",
            "--types", "node", "--typeRoots", Path.Combine(NodeModules, "@types"), "--skipLibCheck", "--rootDir", Folder, "--outDir", Path.Combine(Folder, "dist"),
        ];
        return await RunAsync("node", [Path.Combine(NodeModules, "typescript", "bin", "tsc"), .. options, .. files], Folder, TimeSpan.FromMinutes(3));
    }

    /// <summary>Runs a compiled program (<c>dist/{name}.js</c>) under Node.</summary>
    public Task<(int ExitCode, string Output)> RunNodeAsync(string program, IDictionary<string, string> environment, TimeSpan timeout) =>
        RunAsync("node", [Path.Combine(Folder, "dist", Path.ChangeExtension(program, ".js"))], Folder, timeout, environment);

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>Hybrid.Clients' templates, as the Blog uses them from source.</summary>
    public static string Templates => Path.Combine(RepositoryRoot.Path, "src", "Clients", "templates");

    /// <summary>Where eng/install-test-prerequisites.sh installs the pinned TypeScript and Node's types.</summary>
    private static string NodeModules
    {
        get
        {
            var folder = Path.Combine(RepositoryRoot.Path, "tests", "EndToEnd.Tests", "ts", "node_modules");
            File.Exists(Path.Combine(folder, "typescript", "bin", "tsc")).Should().BeTrue($"TypeScript must be installed in {folder} (eng/install-test-prerequisites.sh installs it)");
            return folder;
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, string folder, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in {timeout}:\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Metadata(string key) =>
        typeof(TypeScriptClients).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException(key + " was not recorded by the test project.");
}
