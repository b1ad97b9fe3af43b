using System.Text;
using Hybrid.Actions;
using Hybrid.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Contract.Tests;

/// <summary>Each way an app can declare a per-operation setting.</summary>
public enum Declared
{
    /// <summary>Attributes on the request type (<see cref="AttributedTally"/>).</summary>
    Attributes,

    /// <summary><c>options.Expose&lt;T&gt;(op => op.WithMetadata(...))</c>: every endpoint of the operation.</summary>
    Expose,

    /// <summary><c>op.Action().WithMetadata(...)</c> and <c>op.Rest().WithMetadata(...)</c>.</summary>
    ExposePerDoor,

    /// <summary><c>MapHybridActions().WithMetadata(...)</c> and <c>MapHybridRest().WithMetadata(...)</c>: every operation of each door.</summary>
    DoorConventions,

    /// <summary><c>MapHybridActions().ForOperation&lt;T&gt;().WithMetadata(...)</c>, and the same on the REST door.</summary>
    ForOperation,
}

/// <summary>
/// One operation on every door (action <c>Tally</c>, <c>POST</c> and <c>GET /api/v1/tallies/{name}</c>)
/// with every setting of <see cref="TallySettings"/>, declared one way; the whole ASP.NET Core
/// stack its settings reach (authentication, authorization, rate limiting, output caching, antiforgery).
/// </summary>
public static class SettingsHost
{
    public static readonly Type[] Types =
    [
        typeof(Tally), typeof(TallyHandler), typeof(AttributedTally), typeof(AttributedTallyHandler),
        typeof(PeekTally), typeof(PeekTallyHandler), typeof(TallyHook), typeof(TallyHookHandler),
    ];

    public static Task<TestHost> StartAsync(Declared way, string environment = "Development", Action<HybridOptions>? configure = null) =>
        StartAsync(
            options =>
            {
                if (way == Declared.Attributes)
                {
                    options.Expose<AttributedTally>(op => op.AsAction(nameof(Tally)).Post("tallies/{name}").Get("tallies/{name}"));
                }
                else
                {
                    var metadata = TallySettings.Metadata();
                    options.Expose<Tally>(op =>
                    {
                        op.AsAction().Post("tallies/{name}").Get("tallies/{name}");
                        if (way == Declared.Expose)
                        {
                            op.WithMetadata(metadata);
                        }
                        else if (way == Declared.ExposePerDoor)
                        {
                            op.Action().WithMetadata(metadata);
                            op.Rest().WithMetadata(metadata);
                        }
                    });
                }

                configure?.Invoke(options);
            },
            (actions, rest) =>
            {
                // One instance per setting, on both doors, as an attribute is.
                var metadata = TallySettings.Metadata();
                if (way == Declared.DoorConventions)
                {
                    actions.WithMetadata(metadata);
                    rest.WithMetadata(metadata);
                }
                else if (way == Declared.ForOperation)
                {
                    actions.ForOperation<Tally>().WithMetadata(metadata);
                    rest.ForOperation<Tally>().WithMetadata(metadata);
                }
            },
            environment);

    public static Task<TestHost> StartAsync(
        Action<HybridOptions> configure,
        Action<HybridEndpointConventionBuilder, HybridEndpointConventionBuilder>? map = null,
        string environment = "Development",
        bool antiforgery = true) =>
        TestHost.StartAsync(
            [new ScannedTypes(Types)],
            configure,
            services =>
            {
                services.AddSingleton<TallyStore>().AddHttpContextAccessor();
                if (antiforgery)
                {
                    services.AddAntiforgery(o => o.HeaderName = HybridAntiforgery.HeaderName);
                }

                services.AddAuthentication(TestBearer.Name).AddScheme<AuthenticationSchemeOptions, TestBearer>(TestBearer.Name, null);
                services.AddAuthorization();
                services.AddSingleton<IAuthorizationHandler, TallyGateHandler>();
                services.AddRateLimiter(o => o.AddFixedWindowLimiter(TallySettings.RateLimitPolicy, l =>
                {
                    l.PermitLimit = 10_000;
                    l.Window = TimeSpan.FromMinutes(1);
                }));
                services.AddOutputCache();
                services.AddRequestTimeouts();
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.UseRateLimiter();
                app.UseOutputCache();
                app.UseRequestTimeouts();
                var actions = app.MapHybridActions();
                var rest = app.MapHybridRest();
                map?.Invoke(actions, rest);
            },
            environment);

    public static HttpRequestMessage Post(string path, string json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    /// <summary>A document or inventory with the attributed twin's name read as the plain one's.</summary>
    public static string Normalized(string text) => text.Replace(nameof(AttributedTally), nameof(Tally), StringComparison.Ordinal);
}
