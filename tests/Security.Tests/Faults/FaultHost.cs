using System.Net.Http.Json;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Security.Tests.Faults;

/// <summary>
/// The fault operations on both doors of an app on Kestrel at 127.0.0.1, with a real SQLite file, a
/// probe and a recorded log. Request timeout services are registered (TimedWrite declares one) but
/// the middleware runs only where a test puts it in the pipeline. Each test starts its own: faults leave state behind by design.
/// </summary>
public sealed class FaultHost : IAsyncDisposable
{
    private FaultHost(TestHost host, FaultDatabase database, RecordedLog log)
    {
        Host = host;
        Database = database;
        Log = log;
    }

    public TestHost Host { get; }

    public FaultDatabase Database { get; }

    public RecordedLog Log { get; }

    public HttpClient Client => Host.Client;

    public FaultProbe Probe => Host.Services.GetRequiredService<FaultProbe>();

    /// <summary>Both doors for every fault operation: the action <c>{Name}</c> and <c>POST /api/v1/{path}</c>.</summary>
    public static async Task<FaultHost> StartAsync(
        Action<HybridOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? pipeline = null,
        Action<HybridEndpointConventionBuilder, HybridEndpointConventionBuilder>? doors = null,
        bool timeoutServices = true)
    {
        var database = new FaultDatabase();
        var log = new RecordedLog();
        try
        {
            var host = await TestHost.StartOnKestrelAsync(
                [new ScannedTypes(typeof(SlowWrite), typeof(TimedWrite), typeof(PlainTimedWrite), typeof(LockedWrite), typeof(CommittedWrite), typeof(SlowWriteHandler), typeof(LockedWriteHandler), typeof(CommittedWriteHandler))],
                options =>
                {
                    options.Expose<SlowWrite>(op => { op.AsAction(); op.Post("slow-writes"); });
                    options.Expose<TimedWrite>(op => { op.AsAction(); op.Post("timed-writes"); });
                    options.Expose<PlainTimedWrite>(op => { op.AsAction(); op.Post("plain-timed-writes"); });
                    options.Expose<LockedWrite>(op => { op.AsAction(); op.Post("locked-writes"); });
                    options.Expose<CommittedWrite>(op => op.Post("committed-writes"));
                    options.Actions().PublicDocument = true;
                    configure?.Invoke(options);
                },
                s =>
                {
                    s.AddSingleton(database);
                    s.AddSingleton<FaultProbe>();
                    log.AddTo(s);
                    if (timeoutServices)
                    {
                        s.AddRequestTimeouts();
                    }

                    services?.Invoke(s);
                },
                app =>
                {
                    pipeline?.Invoke(app);
                    var actions = app.MapHybridActions();
                    var rest = app.MapHybridRest();
                    doors?.Invoke(actions, rest);
                });
            return new FaultHost(host, database, log);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>The request to one door: <c>POST /_actions/{id}</c> or <c>POST /api/v1/{path}</c>, as JSON, same origin.</summary>
    public HttpRequestMessage Post(DoorCase door, string actionId, string path, object body)
    {
        var message = door.BodyRequest(new DoorOperation(actionId, path), JsonContent.Create(body));
        if (message.Headers.Accept.Count == 0)
        {
            message.Headers.Accept.ParseAdd("application/json");
        }

        message.Headers.TryAddWithoutValidation("Origin", Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return message;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Database.Dispose();
    }
}
