using System.Diagnostics;
using System.Globalization;

namespace Hybrid.Clients;

/// <summary>
/// The tool the package's MSBuild targets run after the app's build, inside the app's own dependency
/// context (<c>dotnet exec --depsfile app.deps.json</c>): reads the app's documents without serving it,
/// writes them and the NSwag clients into the clients folder, and checks the public ones against the
/// committed contract. Errors are written in MSBuild's format, so each fails the build on its own line.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var options = ToolArguments.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("Hybrid.Clients: error HYB104: " + ToolArguments.Usage);
            return 2;
        }

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
            var breaks = ContractGate.Run(options.ContractDirectory, publicFiles, options.AcceptContract, Console.Out);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Hybrid.Clients: contract checked ({publicFiles.Count} documents, {breaks} breaks) in {watch.Elapsed.TotalMilliseconds:0} ms."));
            return breaks == 0 ? 0 : 1;
        }
        catch (HybridConfigurationException e)
        {
            foreach (var error in e.Errors)
            {
                Console.Error.WriteLine($"{options.Project}: error {error.Id}: {error.Message}");
            }

            return 1;
        }
        catch (ExportException e)
        {
            Console.Error.WriteLine($"{options.Project}: error HYB103: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{options.Project}: error HYB103: reading the app's documents failed: {e.GetType().Name}: {e.Message}"));
            Console.Error.WriteLine(e);
            return 1;
        }
    }
}
