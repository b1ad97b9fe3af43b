using Hybrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Http.Tests;

/// <summary>
/// The REST door on Kestrel (<see cref="TestHost.StartOnKestrelAsync"/>) with the operations of
/// <see cref="RetryOperations"/> and <see cref="WebhookOperations"/> exposed in code, a
/// <see cref="ManualClock"/>, a webhook secret in configuration, and a header (<see cref="UserHeader"/>)
/// that signs the request in as a user.
/// </summary>
public sealed class GuardHost : IAsyncDisposable
{
    public const string UserHeader = HeaderUser.Header;

    public const string SecretKey = "Tests:WebhookSecret";

    private readonly TestHost _host;

    private GuardHost(TestHost host) => _host = host;

    public HttpClient Client => _host.Client;

    public TestHost Host => _host;

    public GuardCalls Calls => _host.Services.GetRequiredService<GuardCalls>();

    public ManualClock Clock => _host.Services.GetRequiredService<ManualClock>();

    public static async Task<GuardHost> StartAsync(string? secret = WebhookSigner.Secret, Action<IServiceCollection>? services = null) =>
        new(await TestHost.StartOnKestrelAsync(
            [typeof(CreateThing).Assembly],
            o =>
            {
                RetryOperations.Expose(o);
                WebhookOperations.Expose(o);
            },
            s =>
            {
                s.AddSingleton<ThingStore>();
                s.AddSingleton<GuardCalls>();
                s.AddSingleton<ManualClock>();
                s.AddSingleton<TimeProvider>(p => p.GetRequiredService<ManualClock>());
                services?.Invoke(s);
            },
            app =>
            {
                HeaderUser.Use(app);
                app.MapHybridRest();
            },
            configuration =>
            {
                if (secret is not null)
                {
                    configuration[SecretKey] = secret;
                }
            }));

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

/// <summary>A clock the test moves; the door reads webhook timestamps and idempotency expiry from it.</summary>
public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}
