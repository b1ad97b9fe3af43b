using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Hybrid.Benchmarks;

/// <summary>
/// A request through each door against the hand-written minimal API doing the same work, on
/// ASP.NET Core's in-memory server: the whole middleware and routing pipeline, no sockets, so the
/// ratio shows Hybrid's own cost. The loopback load run (load.sh) adds Kestrel and sockets.
/// </summary>
[MemoryDiagnoser]
public class DoorBenchmarks
{
    private static readonly byte[] CreateBody = Encoding.UTF8.GetBytes("{\"name\":\"benchmark\"}");
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private string _cookie = string.Empty;
    private string _token = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _app = BenchmarkApp.Build(b => b.WebHost.UseTestServer());
        _app.StartAsync().GetAwaiter().GetResult();
        _client = _app.GetTestClient();
        var response = _client.GetAsync(new Uri("/token", UriKind.Relative)).GetAwaiter().GetResult();
        _token = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        _cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "minimal API GET")]
    public Task<HttpResponseMessage> MinimalApiGet() => Send(HttpMethod.Get, "/baseline/things/42", null, antiforgery: false);

    [Benchmark(Description = "Hybrid REST GET")]
    public Task<HttpResponseMessage> RestGet() => Send(HttpMethod.Get, "/api/v1/things/42", null, antiforgery: false);

    [Benchmark(Description = "minimal API POST JSON")]
    public Task<HttpResponseMessage> MinimalApiPost() => Send(HttpMethod.Post, "/baseline/things", CreateBody, antiforgery: false);

    [Benchmark(Description = "Hybrid REST POST JSON")]
    public Task<HttpResponseMessage> RestPost() => Send(HttpMethod.Post, "/api/v1/things", CreateBody, antiforgery: false);

    [Benchmark(Description = "minimal API POST JSON + IMediator.Send")]
    public Task<HttpResponseMessage> MinimalApiMediatorPost() => Send(HttpMethod.Post, "/baseline/mediator/things", CreateBody, antiforgery: false);

    [Benchmark(Description = "Hybrid action POST JSON (origin check)")]
    public Task<HttpResponseMessage> ActionPost() => Send(HttpMethod.Post, "/_actions/CreateThing", CreateBody, antiforgery: false);

    [Benchmark(Description = "minimal API POST JSON + antiforgery + IMediator.Send")]
    public Task<HttpResponseMessage> MinimalApiGuardedPost() => Send(HttpMethod.Post, "/baseline/mediator/guarded-things", CreateBody, antiforgery: true);

    [Benchmark(Description = "Hybrid action POST JSON (token mode)")]
    public Task<HttpResponseMessage> ActionGuardedPost() => Send(HttpMethod.Post, "/_actions/CreateGuardedThing", CreateBody, antiforgery: true);

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, byte[]? body, bool antiforgery)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (antiforgery)
        {
            request.Headers.Add("Cookie", _cookie);
            request.Headers.Add("X-XSRF-TOKEN", _token);
        }

        var response = await _client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        await response.Content.ReadAsByteArrayAsync();
        return response;
    }
}
