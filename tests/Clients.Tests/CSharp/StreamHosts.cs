using System.Security.Claims;
using System.Text.Encodings.Web;
using Hybrid.Streaming.Tests;
using Hybrid.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hybrid.Clients.Tests.CSharp;

/// <summary>
/// The counting stream (<see cref="CountTo"/>: action <c>Count</c>, REST GET and POST <c>/count</c>) on Kestrel, and
/// the C# clients generated from that app's REST and actions documents, compiled with <c>Callers/StreamCaller.cs</c> and <c>Callers/StreamWire.cs</c>.
/// <see cref="Host"/> has a 2 s client timeout (1 s heartbeat), which the documents carry to the client;
/// <see cref="ShortLived"/> also ends each connection after 1 s, with a <c>reconnect</c> event; <see cref="Quiet"/> is
/// the first's twin for the tests that count cancelled handlers, which a test that cuts a connection would disturb.
/// </summary>
public sealed class StreamHosts : IAsyncLifetime
{
    public const string Caller = "Callers.StreamCaller";

    public TestHost Host { get; private set; } = null!;

    public TestHost ShortLived { get; private set; } = null!;

    public TestHost Quiet { get; private set; } = null!;

    public string RestDocument { get; private set; } = null!;

    internal GeneratedCSharpClient Client { get; private set; } = null!;

    public string Address => Host.Client.BaseAddress!.ToString();

    public async Task InitializeAsync()
    {
        Host = await StartAsync(maxDuration: null);
        ShortLived = await StartAsync(TimeSpan.FromSeconds(1));
        Quiet = await StartAsync(maxDuration: null);
        RestDocument = await Host.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var actions = await Host.Client.GetStringAsync(new Uri("/openapi/actions.json", UriKind.Relative));
        Client = await GeneratedCSharpClient.BuildAsync(
            [new ClientOf(RestDocument, "HybridApiV1Client", "Count.Clients.V1"), new ClientOf(actions, "ActionsClient", "Count.Clients.Actions")],
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "CSharp", "Callers", "StreamCaller.cs")),
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "CSharp", "Callers", "StreamWire.cs")),
            "Console.WriteLine(nameof(Callers.StreamCaller));");
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        await Quiet.DisposeAsync();
        await ShortLived.DisposeAsync();
        await Host.DisposeAsync();
    }

    private static Task<TestHost> StartAsync(TimeSpan? maxDuration) => TestHost.StartOnKestrelAsync(
        [new ScannedTypes(typeof(CountTo), typeof(CountToHandler))],
        o =>
        {
            o.Actions().PublicDocument = true;
            o.Streams.ClientTimeout = TimeSpan.FromSeconds(2);
            o.Streams.Heartbeat = TimeSpan.FromSeconds(1);
            o.Streams.MaxDuration = maxDuration ?? o.Streams.MaxDuration;
        },
        services: s =>
        {
            s.AddSingleton<StreamProbe>();
            s.AddAuthentication(ExpiringTokenHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, ExpiringTokenHandler>(ExpiringTokenHandler.SchemeName, _ => { });
            s.AddAuthorization();
        },
        map: app =>
        {
            app.MapHybridActions();
            app.MapHybridRest();
        });
}

/// <summary>
/// <c>Authorization: Bearer {user}:{unix seconds}</c> signs the caller in as the user until then (an <c>exp</c> claim,
/// which a stream ends at with <c>auth_expired</c>); no header is anonymous, a token past its time a 401.
/// </summary>
public sealed class ExpiringTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ExpiringToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var parts = header["Bearer ".Length..].Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[1], out var expires) || DateTimeOffset.FromUnixTimeSeconds(expires) <= DateTimeOffset.UtcNow)
        {
            return Task.FromResult(AuthenticateResult.Fail("The token expired."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, parts[0]), new Claim("exp", parts[1])], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
