using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hybrid.Actions;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Security.Tests;

/// <summary>
/// Both doors over this assembly on the in-memory test server, a <see cref="Ledger"/>, a header
/// (<see cref="UserHeader"/>) that signs the request in, and a page that reads the form state.
/// One host per test class: the classes of refusals never run a handler, so the ledger stays empty.
/// </summary>
public sealed class SecurityHost : IAsyncLifetime
{
    public const string UserHeader = HeaderUser.Header;

    public const string StatePage = "/test/form-state";

    /// <summary>The in-memory client's origin (its base address is http://localhost/).</summary>
    public const string SameOrigin = "http://localhost";

    private TestHost? _host;

    public TestHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public HttpClient Client => Host.Client;

    public Ledger Ledger => Host.Services.GetRequiredService<Ledger>();

    public static void Expose(HybridOptions options)
    {
        options.Expose<CreateNote>(op =>
        {
            op.AsAction();
            op.Post("notes");
        });
        options.Expose<PlaceOrder>(op => op.Post("orders"));
    }

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(
            [typeof(CreateNote).Assembly],
            Expose,
            s =>
            {
                s.AddSingleton<Ledger>();
                s.AddHttpContextAccessor();
            },
            app =>
            {
                HeaderUser.Use(app);
                app.MapGet(StatePage, (HttpContext context) => context.GetHybridFormState() is { } state
                    ? Results.Json(new { state.ActionId, state.Code })
                    : Results.NoContent());
                app.MapHybridActions();
                app.MapHybridRest();
            });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A request to the action door: a POST to <c>/_actions/{id}</c> asking for JSON.</summary>
    public static HttpRequestMessage Action(string id, HttpContent? content = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/_actions/" + id) { Content = content };
        message.Headers.Accept.ParseAdd("application/json");
        return message;
    }

    /// <summary>A request to the REST door's <c>/api/v1/{path}</c>.</summary>
    public static HttpRequestMessage Rest(string path, HttpContent? content = null, HttpMethod? method = null) =>
        new(method ?? HttpMethod.Post, "/api/v1/" + path) { Content = content };

    /// <summary>CreateNote as each door names it.</summary>
    public static readonly DoorOperation NoteOperation = new("CreateNote", "notes");

    /// <summary>The same body to either door's CreateNote.</summary>
    public static HttpRequestMessage ToDoor(DoorCase door, HttpContent content) => door.BodyRequest(NoteOperation, content);

    public static ByteArrayContent Bytes(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    }

    /// <summary>
    /// Sends the request and checks what every refusal must be: the status; an
    /// <c>application/problem+json</c> body with the code; no handler run and nothing stored; and
    /// nothing of the server's insides in the body.
    /// </summary>
    public async Task<JsonElement> ShouldRefuseAsync(HttpRequestMessage request, HttpStatusCode status, string code)
    {
        using (request)
        {
            var before = Mark();
            using var response = await Client.SendAsync(request);
            return await ShouldBeRefusalAsync(response, status, code, before);
        }
    }

    /// <summary>What the ledger holds now, to compare with after a request (the host is shared by a test class).</summary>
    public (int Runs, int Stored) Mark() => (Ledger.Runs, Ledger.Stored.Count);

    public async Task<JsonElement> ShouldBeRefusalAsync(HttpResponseMessage response, HttpStatusCode status, string code, (int Runs, int Stored) before)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", text);
        using var problem = JsonDocument.Parse(text);
        problem.RootElement.GetProperty("code").GetString().Should().Be(code, text);
        problem.RootElement.GetProperty("status").GetInt32().Should().Be((int)status);
        ShouldLeakNothing(text);
        Ledger.Runs.Should().Be(before.Runs, "no handler may run for a refused request");
        Ledger.Stored.Count.Should().Be(before.Stored, "nothing may be stored for a refused request");
        return problem.RootElement.Clone();
    }

    /// <summary>No exception type, stack frame, namespace or runtime message in what the client reads.</summary>
    public static void ShouldLeakNothing(string body)
    {
        body.Should().NotContain("   at ");
        body.Should().NotContain("Exception");
        body.Should().NotContain("System.");
        body.Should().NotContain("Microsoft.");
        body.Should().NotContain("Hybrid.");
        body.Should().NotContain("MediatR");
        body.Should().NotContain(".cs:line");
        body.Should().NotContain("BytePositionInLine");
        body.Should().NotContain("LineNumber");
    }
}
