using System.Security.Claims;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Clients.Tests.TypeScript;

/// <summary>
/// The TypeScript clients generated from a live app's own documents (actions and v1), compiled under
/// <c>tsc --strict</c> with <c>Callers/stream-calls.ts</c> and run under Node against the app on Kestrel:
/// items in order through both doors, resume after a cut, a typed error after the earlier items, a reset,
/// a replayed resume and its 204, reconnects asked for by the server, a token asked again on each reconnect,
/// an abort that cancels the handler, one connection for identical calls, silence taken for a dead connection.
/// Each scenario checks what the client saw; the server's record of each run (<c>GET /runs/{run}</c>) is
/// checked by the program too, and again here.
/// </summary>
public sealed class LiveStreamClientTests
{
    [Fact]
    public async Task The_generated_stream_methods_work_against_a_live_server()
    {
        var runs = new StreamRuns();
        await using var host = await TestHost.StartOnKestrelAsync(
            [new ScannedTypes(typeof(CountTo), typeof(CountToHandler), typeof(Recount), typeof(RecountHandler))],
            o =>
            {
                o.Title = "Counter";
                o.Actions().PublicDocument = true;
                o.Streams.Heartbeat = TimeSpan.FromSeconds(1);
                o.Streams.ClientTimeout = TimeSpan.FromSeconds(3);
                o.Expose<CountTo>(op => op.AsAction("Count").Get("count").Post("count"));
                o.Expose<Recount>(op => op.AsAction("Recount"));
            },
            s => s.AddSingleton(runs),
            app =>
            {
                app.Use(SignInFromToken);
                app.MapGet("/runs/{run}", (string run) => Results.Json(runs[run]));
                app.MapGet("/silent", SilentAsync);
                app.MapHybridActions();
                app.MapHybridRest();
            });

        var documents = new Dictionary<string, string>();
        foreach (var name in new[] { "actions", "v1" })
        {
            documents[name] = await host.Client.GetStringAsync(new Uri($"/openapi/{name}.json", UriKind.Relative));
            documents[name].Should().Contain("\"x-hybrid-stream\"", $"the {name} document describes the streams");
        }

        using var clients = TypeScriptClients.Generate(documents);
        var caller = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TypeScript", "Callers", "stream-calls.ts"));
        var compiled = await clients.CompileAsync(new Dictionary<string, string> { ["stream-calls.ts"] = caller });
        compiled.ExitCode.Should().Be(0, "tsc --strict compiles the clients and the program:\n" + compiled.Output);

        var address = host.App.Urls.First().TrimEnd('/');
        var run = await clients.RunNodeAsync("stream-calls.ts", new Dictionary<string, string> { ["SERVER_URL"] = address }, TimeSpan.FromMinutes(2));
        run.ExitCode.Should().Be(0, "every scenario passes under Node:\n" + run.Output);
        run.Output.Should().Contain("\"ok\":true");

        runs["shared"].Resumes.Should().ContainSingle("two identical calls open at once share one connection");
        runs["cut-rest"].Resumes.Should().Equal([null, "2"], "the cut stream resumed after the last item the client had");
        runs["abort"].CancelledCount.Should().Be(1, "leaving the loop cancelled the handler");
    }

    /// <summary>
    /// <c>Bearer {user}:{exp}</c> signs the request in as that user until <c>exp</c> (Unix seconds). A
    /// request whose URL carries a token is refused outright: tokens travel in headers only.
    /// </summary>
    private static Task SignInFromToken(HttpContext context, RequestDelegate next)
    {
        if (context.Request.QueryString.Value?.Contains("ada%3A", StringComparison.OrdinalIgnoreCase) == true || context.Request.QueryString.Value?.Contains("ada:", StringComparison.Ordinal) == true ||
            context.Request.Query.Keys.Any(k => k.Contains("token", StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.StatusCode = StatusCodes.Status418ImATeapot;
            return Task.CompletedTask;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal) && header[7..].Split(':') is [var user, var exp])
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user), new Claim("exp", exp)], "token"));
        }

        return next(context);
    }

    /// <summary>
    /// An event stream by hand, with CRLF line ends: the first connection sends one item and then nothing at all
    /// (no heartbeat), so only the client's timeout ends it; a reconnect after id 1 gets the second item and the end.
    /// </summary>
    private static async Task SilentAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        var resumed = context.Request.Headers["Last-Event-ID"].ToString();
        var text = resumed == "1"
            ? "id: 2\r\ndata: {\"n\":2,\"text\":\"tick 2\"}\r\n\r\nevent: done\r\ndata: {}\r\n\r\n"
            : "retry: 1000\r\n\r\nid: 1\r\ndata: {\"n\":1,\r\ndata: \"text\":\"tick 1\"}\r\n\r\n";
        await context.Response.WriteAsync(text, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        if (resumed != "1")
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
