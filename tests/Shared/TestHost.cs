using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Testing;

/// <summary>
/// A real ASP.NET Core app on ASP.NET Core's in-memory test server: the whole middleware and
/// routing pipeline, no sockets. Tests that need sockets start it on Kestrel instead
/// (<see cref="StartOnKestrelAsync"/>).
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public static Task<TestHost> StartAsync(
        Assembly[] assemblies,
        Action<HybridOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? map = null,
        string environment = "Production") =>
        StartAsync(assemblies, configure, services, map, environment, configuration: null, kestrel: false);

    /// <summary>
    /// The app on Kestrel at 127.0.0.1 (a port the OS picks), for what only a real server does: the
    /// in-memory test server has no IHttpMaxRequestBodySizeFeature, so it enforces no limit on a body
    /// sent without Content-Length. The client keeps no cookies and follows no redirects, as the
    /// in-memory one.
    /// </summary>
    public static Task<TestHost> StartOnKestrelAsync(
        Assembly[] assemblies,
        Action<HybridOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? map = null,
        Action<ConfigurationManager>? configuration = null) =>
        StartAsync(assemblies, configure, services, map, "Production", configuration, kestrel: true);

    private static async Task<TestHost> StartAsync(
        Assembly[] assemblies,
        Action<HybridOptions>? configure,
        Action<IServiceCollection>? services,
        Action<WebApplication>? map,
        string environment,
        Action<ConfigurationManager>? configuration,
        bool kestrel)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        if (kestrel)
        {
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Logging.ClearProviders();
        configuration?.Invoke(builder.Configuration);
        builder.Services.AddRouting();
        builder.Services.AddHybrid(assemblies, configure);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        try
        {
            map?.Invoke(app);
            await app.StartAsync();
            return new TestHost(app, kestrel ? LoopbackClient(app) : app.GetTestClient());
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private static HttpClient LoopbackClient(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(address),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public IEnumerable<Microsoft.AspNetCore.Http.Endpoint> Endpoints =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>Reads problem details as the wire carries them.</summary>
public sealed record ProblemBody(
    string? Type,
    string? Title,
    int? Status,
    string? Detail,
    string? Code,
    string? TraceId,
    Dictionary<string, string[]>? Errors);

public static class HttpResponseExtensions
{
    public static async Task<ProblemBody> ReadProblemAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<ProblemBody>())!;
    }

    /// <summary>
    /// Checks the status and problem code, with the body in the message when the status is wrong,
    /// and returns the problem's <c>errors</c> (default when it has none).
    /// </summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        using var problem = JsonDocument.Parse(text);
        problem.RootElement.GetProperty("code").GetString().Should().Be(code);
        return problem.RootElement.TryGetProperty("errors", out var errors) ? errors.Clone() : default;
    }
}
