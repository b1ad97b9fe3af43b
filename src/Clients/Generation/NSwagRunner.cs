using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json.Nodes;

namespace Hybrid.Clients;

/// <summary>
/// Runs NSwag's generator over each configuration file inside this process, all at once: the
/// same <c>NSwagDocument</c> the console's <c>run</c> command loads and executes, from the same
/// package, so the output is the console's byte for byte. One process pays NSwag's start-up and
/// JIT once, where one console per file paid it per file; and <see cref="StartWarmUp"/> pays it
/// while the app's documents are still being read, on the core that reading leaves idle.
/// </summary>
internal sealed class NSwagRunner
{
    private readonly string _tools;
    private readonly Lazy<(MethodInfo Load, MethodInfo Execute)> _document;

    public NSwagRunner(string console)
    {
        _tools = Path.GetDirectoryName(Path.GetFullPath(console))!;
        _document = new Lazy<(MethodInfo, MethodInfo)>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// Generates a one-operation client in the background, so NSwag's assemblies are loaded and its
    /// TypeScript path compiled before the real files come. Its failures are ignored: the real run
    /// reports its own. Nothing waits for it; an unneeded warm-up ends with the process.
    /// </summary>
    public Task StartWarmUp(GenerationOptions options) => Task.Run(async () =>
    {
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(options.Work, "warm-up")).FullName;
            var document = Path.Combine(folder, "warm-up.json");
            var extension = Path.Combine(folder, "warm-up.extension.ts");
            var configuration = Path.Combine(folder, "warm-up.nswag");
            await File.WriteAllTextAsync(document, WarmUpDocument).ConfigureAwait(false);
            await File.WriteAllTextAsync(extension, string.Empty).ConfigureAwait(false);
            await File.WriteAllTextAsync(configuration, NSwagConfig.Client(document, Path.Combine(folder, "warm-up.ts"), "WarmUpClient", "HybridClientBase", extension, options.Templates).ToJsonString()).ConfigureAwait(false);
            await ExecuteAsync(configuration).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only a head start; the real run loads NSwag again if this could not.
        }
    });

    public void Run(IReadOnlyList<string> configurations, string documents)
    {
        var runs = configurations.Select(configuration => Task.Run(async () =>
        {
            try
            {
                await ExecuteAsync(configuration).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not ExportException)
            {
                var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
                throw new ExportException($"NSwag failed generating {Path.GetFileNameWithoutExtension(configuration)} from the documents in {documents}: {cause.GetType().Name}: {cause.Message}", cause);
            }
        })).ToArray();
        try
        {
            Task.WaitAll(runs);
        }
        catch (AggregateException failed) when (failed.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(failed.InnerExceptions[0]).Throw();
        }
    }

    private async Task ExecuteAsync(string configuration)
    {
        var (load, execute) = _document.Value;
        var loaded = (Task)load.Invoke(null, [configuration])!;
        await loaded.ConfigureAwait(false);
        await ((Task)execute.Invoke(loaded.GetType().GetProperty("Result")!.GetValue(loaded), null)!).ConfigureAwait(false);
    }

    private (MethodInfo Load, MethodInfo Execute) Load()
    {
        var document = new NSwagLoadContext(_tools).LoadFromAssemblyPath(Path.Combine(_tools, "NSwag.Commands.dll"))
            .GetType("NSwag.Commands.NSwagDocument", throwOnError: true)!;
        var load = document.GetMethod("LoadAsync", BindingFlags.Public | BindingFlags.Static, [typeof(string)])
            ?? throw new ExportException($"NSwag's NSwagDocument.LoadAsync(string) was not found in {_tools}: the NSwag.MSBuild package is not the version Hybrid.Clients was built with.");
        var execute = document.GetMethod("ExecuteAsync", Type.EmptyTypes)
            ?? throw new ExportException($"NSwag's NSwagDocument.ExecuteAsync() was not found in {_tools}.");
        return (load, execute);
    }

    /// <summary>One POST with a body, a path parameter, a response object and a problem: the paths every real client takes.</summary>
    private static readonly string WarmUpDocument = new JsonObject
    {
        ["openapi"] = "3.0.0",
        ["info"] = new JsonObject { ["title"] = "warm-up", ["version"] = "1" },
        ["paths"] = new JsonObject
        {
            ["/items/{id}"] = new JsonObject
            {
                ["post"] = new JsonObject
                {
                    ["operationId"] = "SaveItem",
                    ["parameters"] = new JsonArray(new JsonObject { ["name"] = "id", ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "integer" } }),
                    ["requestBody"] = new JsonObject { ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Item" } } } },
                    ["responses"] = new JsonObject
                    {
                        ["200"] = new JsonObject { ["description"] = "saved", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Item" } } } },
                        ["404"] = new JsonObject { ["description"] = "missing", ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Item" } } } },
                    },
                },
            },
        },
        ["components"] = new JsonObject
        {
            ["schemas"] = new JsonObject
            {
                ["Item"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject { ["name"] = new JsonObject { ["type"] = "string", ["nullable"] = true }, ["day"] = new JsonObject { ["type"] = "string", ["format"] = "date" } },
                },
            },
        },
    }.ToJsonString();
}
