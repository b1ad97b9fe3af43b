using System.Collections.Concurrent;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Hybrid.Clients.Tests.CSharp;

/// <summary>
/// The task board at every stage on the in-memory test server, and the C# client generated from the
/// baseline's document (as the build would have committed it before any change), compiled with
/// <c>Callers/TaskBoardCaller.cs</c> and with the C# section of docs/clients.md.
/// </summary>
public sealed class TaskBoardHosts : IAsyncLifetime
{
    public const string Caller = "Callers.TaskBoardCaller";

    private readonly List<TestHost> _hosts = [];

    /// <summary>The Authorization header of every request the baseline host received, "" for none.</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>The body of every POST the baseline host received.</summary>
    public ConcurrentQueue<string> Bodies { get; } = new();

    public TestHost Baseline { get; private set; } = null!;

    /// <summary>The baseline mounted under <c>/board</c>.</summary>
    public TestHost UnderPath { get; private set; } = null!;

    public IReadOnlyDictionary<string, TestHost> Stages { get; private set; } = null!;

    public string BaselineDocument { get; private set; } = null!;

    internal GeneratedCSharpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Baseline = await StartAsync(CSharp.Baseline.Stage.Types, app =>
        {
            app.Use(async (context, next) =>
            {
                Authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
                if (HttpMethods.IsPost(context.Request.Method))
                {
                    context.Request.EnableBuffering();
                    using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
                    Bodies.Enqueue(await reader.ReadToEndAsync(context.RequestAborted));
                    context.Request.Body.Position = 0;
                }

                await next(context);
            });
            app.MapHybridRest();
        });
        UnderPath = await StartAsync(CSharp.Baseline.Stage.Types, app =>
        {
            app.UsePathBase("/board");
            app.UseRouting();
            app.MapHybridRest();
        });
        Stages = new Dictionary<string, TestHost>
        {
            ["a new enum value"] = await StartAsync(WithNewEnumValue.Stage.Types),
            ["a new optional property"] = await StartAsync(WithNewOptionalProperty.Stage.Types),
            ["a new problem code"] = await StartAsync(WithNewProblemCode.Stage.Types),
            ["a new operation"] = await StartAsync(WithNewOperation.Stage.Types),
        };

        BaselineDocument = await Baseline.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Client = await GeneratedCSharpClient.BuildAsync(
            BaselineDocument, "TasksV1Client", "Tasks.Clients.V1",
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "CSharp", "Callers", "TaskBoardCaller.cs")),
            DocumentedProgram());
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>An HttpClient on <paramref name="host"/>'s in-memory server with the given base address.</summary>
    public static HttpClient ClientOf(TestHost host, string baseAddress) =>
        new(host.App.GetTestServer().CreateHandler()) { BaseAddress = new Uri(baseAddress) };

    /// <summary>
    /// The C# blocks of the C# section of docs/clients.md, in order: read together they are one program,
    /// so each compiles as shown against a client generated for the board.
    /// </summary>
    public static string DocumentedProgram()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "clients.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = text.IndexOf("\n## The C# client", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, "docs/clients.md has a section on the C# client");
        var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = text[start..(end < 0 ? text.Length : end)];
        var blocks = section.Split("```csharp\n").Skip(1).Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]).ToList();
        blocks.Should().NotBeEmpty();
        return string.Join("\n", blocks);
    }

    private async Task<TestHost> StartAsync(Type[] types, Action<WebApplication>? map = null)
    {
        var host = await TestHost.StartAsync([new ScannedTypes(types)], o => o.Title = "Tasks", map: map ?? (app => app.MapHybridRest()));
        _hosts.Add(host);
        return host;
    }
}
