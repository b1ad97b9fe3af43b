using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Hybrid.Clients;

/// <summary>
/// The tool the package's MSBuild targets run after the app's build, inside the app's own dependency
/// context (<c>dotnet exec --depsfile app.deps.json</c>): reads the app's documents without serving it,
/// writes them and the NSwag clients into the clients folder, and checks the public ones against the
/// committed contract. Each problem is one line in MSBuild's canonical format (<see cref="BuildReport"/>);
/// the exit code is 0 for success and 1 when every problem was reported that way, so the targets fail
/// the build on anything else without echoing the command line.
/// </summary>
internal static class Program
{
    /// <summary>The log of an unexpected failure, in the work folder: the build shows one line, this file the rest.</summary>
    private const string FailureLog = "failure.log";

    public static int Main(string[] args)
    {
        var options = ToolArguments.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("Hybrid.Clients : error HYB104: " + ToolArguments.Usage);
            return 1;
        }

        var report = new BuildReport(options.Project, Console.Error, Path.Combine(options.Generation.Work, BuildReport.NotesFileName));
        try
        {
            var watch = Stopwatch.StartNew();

            // NSwag warms up on the other core while the app is started to read its documents.
            var nswag = new NSwagRunner(options.Generation.NSwag);
            _ = nswag.StartWarmUp(options.Generation);
            var documents = AppExport.Run(options.Assembly, TimeSpan.FromSeconds(options.TimeoutSeconds));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Hybrid.Clients: read {documents.Count} documents in {watch.Elapsed.TotalMilliseconds:0} ms."));
            ClientGeneration.Run(documents, options.Generation, nswag, Console.Out);

            // The actions document is internal: only the public ones are held to their baselines.
            watch.Restart();
            var publicFiles = documents.Where(d => d.IsPublic).Select(d => Path.Combine(options.Generation.Output, d.Name + ".json")).ToList();
            var breaks = ContractGate.Run(options.ContractDirectory, publicFiles, options.AcceptContract, Console.Out, report.Notes);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Hybrid.Clients: contract checked ({publicFiles.Count} documents, {breaks} breaks) in {watch.Elapsed.TotalMilliseconds:0} ms."));
            return breaks == 0 ? 0 : 1;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Report(report, e, options.Generation.Work);
            return 1;
        }
        finally
        {
            report.WriteNotes();
        }
    }

    /// <summary>
    /// Each configuration problem on its own line, as at start-up; an export failure as its message;
    /// anything else as one line naming the failure, with the details in <see cref="FailureLog"/>.
    /// </summary>
    private static void Report(BuildReport report, Exception failure, string work)
    {
        foreach (var e in Unwrap(failure))
        {
            switch (e)
            {
                case HybridConfigurationException configuration:
                    foreach (var error in configuration.Errors)
                    {
                        report.Error(error.Id, error.Message);
                    }

                    break;
                case ExportException export:
                    report.Error("HYB103", export.Message);
                    break;
                default:
                    var log = Path.Combine(work, FailureLog);
                    Directory.CreateDirectory(work);
                    File.WriteAllText(log, e.ToString());
                    report.Error("HYB103", $"reading the app's documents failed: {e.GetType().Name}: {e.Message} The details are in {log}.");
                    break;
            }
        }
    }

    /// <summary>The failures a wrapper (a task's <see cref="AggregateException"/>, a reflection call's <see cref="TargetInvocationException"/>) stands for.</summary>
    private static IEnumerable<Exception> Unwrap(Exception failure) =>
        failure switch
        {
            AggregateException many => many.Flatten().InnerExceptions.SelectMany(Unwrap),
            TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
            _ => [failure],
        };
}
