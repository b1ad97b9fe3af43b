using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Hybrid.Clients;

/// <summary>
/// Runs NSwag's generator over each configuration file inside this process, all at once: the
/// same <c>NSwagDocument</c> the console's <c>run</c> command loads and executes, from the same
/// package, so the output is the console's byte for byte. One process pays NSwag's start-up and
/// JIT once, where one console per file paid it per file (most of a small app's generation time).
/// </summary>
internal static class NSwagRunner
{
    public static void Run(string console, IReadOnlyList<string> configurations, string documents)
    {
        var tools = Path.GetDirectoryName(Path.GetFullPath(console))!;
        var document = new NSwagLoadContext(tools).LoadFromAssemblyPath(Path.Combine(tools, "NSwag.Commands.dll"))
            .GetType("NSwag.Commands.NSwagDocument", throwOnError: true)!;
        var load = document.GetMethod("LoadAsync", BindingFlags.Public | BindingFlags.Static, [typeof(string)])
            ?? throw new ExportException($"NSwag's NSwagDocument.LoadAsync(string) was not found in {tools}: the NSwag.MSBuild package is not the version Hybrid.Clients was built with.");
        var execute = document.GetMethod("ExecuteAsync", Type.EmptyTypes)
            ?? throw new ExportException($"NSwag's NSwagDocument.ExecuteAsync() was not found in {tools}.");
        var runs = configurations.Select(configuration => Task.Run(async () =>
        {
            try
            {
                var loaded = (Task)load.Invoke(null, [configuration])!;
                await loaded.ConfigureAwait(false);
                await ((Task)execute.Invoke(loaded.GetType().GetProperty("Result")!.GetValue(loaded), null)!).ConfigureAwait(false);
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
}
