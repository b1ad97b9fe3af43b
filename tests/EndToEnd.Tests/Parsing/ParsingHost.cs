using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Hybrid.Actions;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.EndToEnd.Tests.Parsing;

/// <summary>What one request did: its status, its problem when refused, and what the handler received (null when it did not run).</summary>
public sealed record Sent(string Source, HttpStatusCode Status, ProblemBody? Problem, object? Received)
{
    public override string ToString() =>
        $"{Source}: {(int)Status} {Problem?.Code} {(Problem?.Errors is null ? string.Empty : string.Join("; ", Problem.Errors.Select(e => e.Key + "=" + string.Join("|", e.Value))))}";
}

/// <summary>
/// One in-process app with both doors, the app's JSON reading and writing enum names
/// (<see cref="JsonStringEnumConverter"/>), and the parsing operations exposed in code only.
/// </summary>
public sealed class ParsingHost : IAsyncLifetime
{
    public const string TokenPath = "/test/xsrf";

    private TestHost? _host;
    private string _cookies = string.Empty;
    private string _token = string.Empty;

    public static readonly string[] ProbeMembers =
        ["count", "total", "price", "flag", "maybeFlag", "id", "day", "at", "status", "maybeStatus", "marks", "name"];

    public static readonly DoorOperation Article = new("SubmitArticle", "articles");

    public static readonly DoorOperation Member = new("RegisterMember", "members");

    public static readonly DoorOperation Status = new("SetStatus", "statuses");

    public static readonly DoorOperation Probe = new("ParseProbe", "probe");

    public TestHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public ReceivedRequests Received => Host.Services.GetRequiredService<ReceivedRequests>();

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(
            [typeof(ParseProbe).Assembly],
            Expose,
            services =>
            {
                services.AddAntiforgery(o => o.HeaderName = HybridAntiforgery.HeaderName);
                services.AddSingleton<ReceivedRequests>();
                services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
            },
            app =>
            {
                app.MapGet(TokenPath, (HttpContext context) => Results.Text(context.IssueXsrfToken().RequestToken));
                app.MapHybridActions();
                app.MapHybridRest();
            });

        using var response = await _host.Client.GetAsync(new Uri(TokenPath, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        _token = await response.Content.ReadAsStringAsync();
        _cookies = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private static void Expose(HybridOptions options)
    {
        options.Expose<ParseProbe>(b =>
        {
            b.AsAction().Get("probe").Route("POST", "probe", statusCode: 200);
            foreach (var member in ProbeMembers)
            {
                b.Get($"probe/{member}/{{{member}}}");
            }
        });
        options.Expose<SubmitArticle>(b => b.AsAction().Route("POST", "articles", statusCode: 200));
        options.Expose<RegisterMember>(b => b.AsAction().Route("POST", "members", statusCode: 200));
        options.Expose<SetStatus>(b => b.AsAction().Route("POST", "statuses", statusCode: 200));
        options.Expose<FindByGuid>(b => b.AsAction().Get("by-guid/{id}").Get("by-guid").Route("POST", "by-guid", statusCode: 200));
        options.Expose<FindByNumber>(b => b.AsAction().Get("by-number/{id}").Get("by-number").Route("POST", "by-number", statusCode: 200));
    }

    /// <summary>A GET whose URL carries the text as the route value of <paramref name="member"/>.</summary>
    public Task<Sent> RouteAsync(string member, string text) =>
        SendAsync("REST route", new HttpRequestMessage(HttpMethod.Get, $"/api/v1/probe/{member}/{Uri.EscapeDataString(text)}"));

    /// <summary>A GET whose query string carries the text.</summary>
    public Task<Sent> QueryAsync(string path, string member, string text) =>
        SendAsync("REST query", new HttpRequestMessage(HttpMethod.Get, $"/api/v1/{path}?{Uri.EscapeDataString(member)}={Uri.EscapeDataString(text)}"));

    /// <summary>A GET of a REST path as written.</summary>
    public Task<Sent> GetAsync(string source, string url) =>
        SendAsync(source, new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>A JSON body carried to <paramref name="operation"/> through <paramref name="door"/>; the action door gets the page's antiforgery cookie and header, as the SPA client sends them.</summary>
    public Task<Sent> JsonAsync(DoorCase door, DoorOperation operation, string json) =>
        SendAsync(door.Name + " JSON body", door.JsonRequest(operation, json, new DoorSession(_cookies, HybridAntiforgery.HeaderName, _token)));

    /// <summary>The same JSON body through every door, for the tests that compare the doors' answers.</summary>
    public async Task<Sent[]> JsonOnEveryDoorAsync(DoorOperation operation, string json)
    {
        var results = new List<Sent>();
        foreach (var door in DoorCases.Every)
        {
            results.Add(await JsonAsync(door, operation, json));
        }

        return [.. results];
    }

    /// <summary>A urlencoded HTML form POSTed to an action, the token in its form field; it asks for JSON, not the redirect.</summary>
    public Task<Sent> ActionFormAsync(string actionId, params (string Name, string Value)[] fields)
    {
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new KeyValuePair<string, string>(HybridAntiforgery.FormFieldName, _token));
        var message = new HttpRequestMessage(HttpMethod.Post, "/_actions/" + actionId) { Content = new FormUrlEncodedContent(all) };
        message.Headers.Add("Cookie", _cookies);
        message.Headers.Accept.ParseAdd("application/json");
        return SendAsync("action form", message);
    }

    private async Task<Sent> SendAsync(string source, HttpRequestMessage message)
    {
        using (message)
        {
            var before = Received.Count;
            using var response = await Host.Client.SendAsync(message);
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? await response.Content.ReadFromJsonAsync<ProblemBody>()
                : null;
            var received = Received.All.Skip(before).ToList();
            received.Should().HaveCountLessThanOrEqualTo(1, $"{source} must reach the handler at most once");
            return new Sent(source, response.StatusCode, problem, received.SingleOrDefault());
        }
    }
}
