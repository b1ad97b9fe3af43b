using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions.Tests;

/// <summary>
/// Both doors on Kestrel (<see cref="TestHost.StartOnKestrelAsync"/>): only a real server enforces a
/// limit on a body sent without Content-Length.
/// </summary>
public sealed class KestrelDoors : IAsyncDisposable
{
    private readonly TestHost _host;

    private KestrelDoors(TestHost host) => _host = host;

    public HttpClient Client => _host.Client;

    public HandlerCalls Calls => _host.Services.GetRequiredService<HandlerCalls>();

    /// <summary>How the last request to a door framed its body, as the server saw it.</summary>
    public BodyFraming? LastBody { get; private set; }

    public static async Task<KestrelDoors> StartAsync(Action<HybridOptions> configure)
    {
        KestrelDoors? doors = null;
        var host = await TestHost.StartOnKestrelAsync(
            [typeof(CreateNote).Assembly],
            configure,
            s =>
            {
                s.AddAntiforgery(o => o.HeaderName = HybridAntiforgery.HeaderName);
                s.AddSingleton<HandlerCalls>();
                s.AddSingleton<NoteStore>();
            },
            app =>
            {
                app.Use((context, next) =>
                {
                    if (context.Request.Path.StartsWithSegments("/_actions") || context.Request.Path.StartsWithSegments("/api"))
                    {
                        doors!.LastBody = new BodyFraming(context.Request.ContentLength, context.Request.Headers.TransferEncoding.ToString());
                    }

                    return next(context);
                });
                app.MapGet(ActionsHost.TokenPath, (HttpContext context) => Results.Text(context.IssueXsrfToken().RequestToken));
                app.MapHybridActions();
                app.MapHybridRest();
            });
        doors = new KestrelDoors(host);
        return doors;
    }

    public sealed record BodyFraming(long? ContentLength, string TransferEncoding);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
