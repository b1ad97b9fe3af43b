using System.Net.Http.Json;
using Hybrid.Testing;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Streaming.Tests;

/// <summary>The test operations on Kestrel through both doors, with the header authentication handler and a probe of what handlers did.</summary>
internal static class StreamHost
{
    public static Task<TestHost> StartAsync(Action<HybridStreamOptions>? streams = null, Action<IServiceCollection>? services = null, Action<WebApplication>? before = null) =>
        TestHost.StartOnKestrelAsync(
            [typeof(CountTo).Assembly],
            configure: o =>
            {
                o.Expose<Idle>(op => op.Streaming(s => s.HeartbeatSeconds = 1));
                streams?.Invoke(o.Streams);
            },
            services: s =>
            {
                s.AddSingleton<StreamProbe>();
                HeaderAuthenticationHandler.Register(s);
                services?.Invoke(s);
            },
            map: app =>
            {
                before?.Invoke(app);
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapHybridActions();
                app.MapHybridRest();
            });

    public static StreamProbe Probe(this TestHost host) => host.Services.GetRequiredService<StreamProbe>();

    /// <summary>A call of an action as a stream: POST with the JSON arguments.</summary>
    public static HttpRequestMessage Action(string id, object arguments, string? lastEventId = null, string? user = "ada")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/" + id) { Content = JsonContent.Create(arguments) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        return With(request, lastEventId, user);
    }

    /// <summary>A REST GET of a stream in <paramref name="accept"/>.</summary>
    public static HttpRequestMessage Get(string path, string accept = "text/event-stream", string? lastEventId = null, string? user = "ada")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1" + path);
        request.Headers.Accept.ParseAdd(accept);
        return With(request, lastEventId, user);
    }

    /// <summary>
    /// Sends on a client that drains nothing from a response disposed unread, so disposing one cuts its
    /// connection at once, as a browser's abort does (the default client reads on for up to 2 s to reuse it).
    /// </summary>
    public static Task<HttpResponseMessage> OpenAsync(this TestHost host, HttpRequestMessage request, CancellationToken cancellationToken = default) =>
        Clients.GetValue(host, h => new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxResponseDrainSize = 0 }) { BaseAddress = h.Client.BaseAddress })
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TestHost, HttpClient> Clients = [];

    private static HttpRequestMessage With(HttpRequestMessage request, string? lastEventId, string? user)
    {
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        if (user is not null)
        {
            request.Headers.Add(HeaderAuthenticationHandler.UserHeader, user);
        }

        return request;
    }

    /// <summary>Registers a stream behaviour for every stream, as MediatR apps do.</summary>
    public static void AddSuffixBehavior(IServiceCollection services) =>
        services.AddTransient(typeof(IStreamPipelineBehavior<,>), typeof(SuffixBehavior<,>));
}
