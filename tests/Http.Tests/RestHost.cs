using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Http.Tests;

/// <summary>Starts a test host with the REST door and a <see cref="ThingStore"/>.</summary>
public static class RestHost
{
    /// <summary>Where the guarded host's configuration holds the webhook secret.</summary>
    public const string WebhookSecretKey = "Tests:WebhookSecret";

    public static Task<TestHost> StartAsync(Action<HybridOptions>? configure = null, Action<WebApplication>? map = null) =>
        TestHost.StartAsync(
            [typeof(CreateThing).Assembly],
            configure,
            s => s.AddSingleton<ThingStore>(),
            map ?? (app => app.MapHybridRest()));

    /// <summary>
    /// The REST door on Kestrel (<see cref="TestHost.StartOnKestrelAsync"/>) with the operations of
    /// <see cref="RetryOperations"/> and <see cref="WebhookOperations"/> exposed in code, a
    /// <see cref="ManualClock"/>, the webhook secret in configuration, and <see cref="HeaderUser"/>.
    /// </summary>
    public static Task<TestHost> StartGuardedAsync(string? secret = WebhookSigner.Secret, Action<IServiceCollection>? services = null) =>
        TestHost.StartOnKestrelAsync(
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
                    configuration[WebhookSecretKey] = secret;
                }
            });

    public static GuardCalls Calls(this TestHost host) => host.Services.GetRequiredService<GuardCalls>();

    public static ManualClock Clock(this TestHost host) => host.Services.GetRequiredService<ManualClock>();

    public static ThingStore Store(this TestHost host) => host.Services.GetRequiredService<ThingStore>();
}
