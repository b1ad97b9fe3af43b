using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Http.Tests;

/// <summary>
/// The REST door on Kestrel at 127.0.0.1 with the operations of <see cref="RetryOperations"/> and
/// <see cref="WebhookOperations"/> exposed in code, a <see cref="ManualClock"/>, a webhook secret in
/// configuration, and a header (<see cref="UserHeader"/>) that signs the request in as a user.
/// </summary>
public sealed class GuardHost : IAsyncDisposable
{
    public const string UserHeader = "X-Test-User";

    public const string SecretKey = "Tests:WebhookSecret";

    private GuardHost(WebApplication app, Uri address)
    {
        App = app;
        Client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public GuardCalls Calls => App.Services.GetRequiredService<GuardCalls>();

    public ManualClock Clock => App.Services.GetRequiredService<ManualClock>();

    public static async Task<GuardHost> StartAsync(string? secret = WebhookSigner.Secret, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        if (secret is not null)
        {
            builder.Configuration[SecretKey] = secret;
        }

        builder.Services.AddRouting();
        builder.Services.AddHybrid([typeof(CreateThing).Assembly], o =>
        {
            RetryOperations.Expose(o);
            WebhookOperations.Expose(o);
        });
        builder.Services.AddSingleton<ThingStore>();
        builder.Services.AddSingleton<GuardCalls>();
        builder.Services.AddSingleton<ManualClock>();
        builder.Services.AddSingleton<TimeProvider>(p => p.GetRequiredService<ManualClock>());
        services?.Invoke(builder.Services);
        var app = builder.Build();
        try
        {
            app.Use((context, next) =>
            {
                if (context.Request.Headers.TryGetValue(UserHeader, out var user))
                {
                    context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.ToString())], "test"));
                }

                return next(context);
            });
            app.MapHybridRest();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new GuardHost(app, new Uri(address));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>A clock the test moves; the door reads webhook timestamps and idempotency expiry from it.</summary>
public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}
