using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hybrid.Clients;

/// <summary>
/// Reads an app's documents without serving it: runs the app's own entry point in this process (the
/// tool runs with the app's dependency manifest), and when the host is being built swaps in a server
/// that cannot listen and a lifetime that reads the documents and stops the start (<see cref="ExportLifetime"/>).
/// Hosted services never start and Kestrel never binds; what runs is <c>Program.cs</c> up to
/// <c>app.Run()</c>, as ASP.NET Core's own build-time document tool does, minus starting the host.
/// </summary>
internal static class AppExport
{
    private const string HostingListener = "Microsoft.Extensions.Hosting";

    public static IReadOnlyList<ExportedDocument> Run(string assemblyPath, TimeSpan timeout)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            File.Exists(Path.Combine(directory, name.Name + ".dll")) ? context.LoadFromAssemblyPath(Path.Combine(directory, name.Name + ".dll")) : null;

        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
        var entryPoint = assembly.EntryPoint ?? throw new ExportException($"{assembly.GetName().Name} has no entry point: Hybrid.Clients reads the documents of an app (an Exe or Web project).");

        // The host names the app after the entry assembly, which here is this tool: it would then look
        // for Hybrid.Clients' static web assets manifest (MapStaticAssets() throws without it) and
        // application parts. The host reads its name from DOTNET_APPLICATIONNAME first, as
        // ASP.NET Core's own document tool passes --applicationName.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_APPLICATIONNAME")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_APPLICATIONNAME")))
        {
            Environment.SetEnvironmentVariable("DOTNET_APPLICATIONNAME", assembly.GetName().Name);
        }
        var result = new TaskCompletionSource<IReadOnlyList<ExportedDocument>>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name == HostingListener)
            {
                listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e => OnHostingEvent(e, result)));
            }
        }));

        var app = new Thread(() =>
        {
            try
            {
                var arguments = entryPoint.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() };
                entryPoint.Invoke(null, arguments);
                result.TrySetException(new ExportException($"{assembly.GetName().Name}'s entry point returned without starting its host (app.Run()), so its endpoints were never all mapped. Fix: let Program.cs reach app.Run() when started with no arguments, or set HybridGenerateClients=false."));
            }
            catch (TargetInvocationException e) when (e.InnerException is ExportFinishedException)
            {
            }
            catch (TargetInvocationException e)
            {
                result.TrySetException(e.InnerException ?? e);
            }
        })
        {
            IsBackground = true,
            Name = "Hybrid.Clients export",
        };
        app.Start();

        // Not Task.Wait, which would wrap the app's own failure (a configuration report) in an AggregateException.
        if (Task.WhenAny(result.Task, Task.Delay(timeout)).GetAwaiter().GetResult() != result.Task)
        {
            throw new ExportException($"{assembly.GetName().Name} did not reach app.Run() within {timeout.TotalSeconds:0} s. Fix: make sure Program.cs does not wait for anything before app.Run() when started by the build.");
        }

        return result.Task.GetAwaiter().GetResult();
    }

    private static void OnHostingEvent(KeyValuePair<string, object?> e, TaskCompletionSource<IReadOnlyList<ExportedDocument>> result)
    {
        if (e.Key == "HostBuilding" && e.Value is IHostBuilder builder)
        {
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<IServer, NoServer>();
                services.AddSingleton<IHostLifetime>(provider => new ExportLifetime(provider, result));
            });
        }
    }

    private sealed class Observer<T>(Action<T> onNext) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => onNext(value);
    }
}
