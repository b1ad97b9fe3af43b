using Microsoft.Extensions.DependencyInjection;
using System.Threading.RateLimiting;
using Hybrid.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;

namespace Hybrid.Mcp.Tests;

/// <summary>The notes app on Kestrel at 127.0.0.1 with all three doors, and MCP clients that call it as an agent would.</summary>
public static class McpHost
{
    public static readonly Type[] NoteTypes =
    [
        typeof(AddNote), typeof(AddNoteHandler), typeof(ListNotes), typeof(ListNotesHandler), typeof(GetNote), typeof(GetNoteHandler),
        typeof(DeleteNote), typeof(DeleteNoteHandler), typeof(WhoAmI), typeof(WhoAmIHandler), typeof(WaitForCancel), typeof(WaitForCancelHandler),
        typeof(CountOnce), typeof(CountOnceHandler), typeof(TakeTooLong), typeof(TakeTooLongHandler),
    ];

    public static Task<TestHost> StartAsync(Action<HybridOptions>? configure = null, Type[]? types = null) =>
        TestHost.StartOnKestrelAsync(
            [new ScannedTypes(types ?? NoteTypes)],
            configure,
            services =>
            {
                services.AddSingleton<NoteStore>();
                services.AddSingleton<TickProbe>();
                services.AddSingleton<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore, RecordingCacheStore>();
                services.AddRequestTimeouts();
                services.AddHybridMcp();
                services.AddAuthentication(HeaderAuthenticationHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, _ => { });
                services.AddAuthorization();
                services.AddRateLimiter(o => o.AddPolicy(NoteStore.OncePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                    context.User.Identity?.Name ?? "anonymous",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 1, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.UseRateLimiter();
                app.MapHybridActions();
                app.MapHybridRest();
                app.MapHybridMcp();
            });

    public static NoteStore Store(this TestHost host) => host.Services.GetRequiredService<NoteStore>();

    /// <summary>An MCP client connected to the host that sends <paramref name="token"/> as its bearer token.</summary>
    public static Task<McpClient> ConnectWithTokenAsync(this TestHost host, string token) =>
        ConnectAsync(host, new Dictionary<string, string> { ["Authorization"] = "Bearer " + token }, "/mcp");

    /// <summary>An MCP client connected to the host, signed in as <paramref name="user"/> (with <paramref name="roles"/>) when given.</summary>
    public static async Task<McpClient> ConnectAsync(this TestHost host, string? user = null, string? roles = null, string path = "/mcp")
    {
        var headers = new Dictionary<string, string>();
        if (user is not null)
        {
            headers[HeaderAuthenticationHandler.UserHeader] = user;
            headers[HeaderAuthenticationHandler.RolesHeader] = roles ?? string.Empty;
        }

        return await ConnectAsync(host, headers, path);
    }

    private static async Task<McpClient> ConnectAsync(TestHost host, Dictionary<string, string> headers, string path)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(host.Client.BaseAddress!, path),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = headers,
        }, NullLoggerFactory.Instance);
        return await McpClient.CreateAsync(transport, loggerFactory: NullLoggerFactory.Instance);
    }
}
