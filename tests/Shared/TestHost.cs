using System.Net.Http.Json;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Testing;

/// <summary>
/// A real ASP.NET Core app on ASP.NET Core's in-memory test server: the whole middleware and
/// routing pipeline, no sockets. Tests that need sockets use Kestrel on 127.0.0.1 instead.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app)
    {
        App = app;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<TestHost> StartAsync(
        Assembly[] assemblies,
        Action<HybridOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? map = null,
        string environment = "Production")
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddRouting();
        builder.Services.AddHybrid(assemblies, configure);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        try
        {
            map?.Invoke(app);
            await app.StartAsync();
            return new TestHost(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
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
}
