using System.Security.Claims;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Contract.Tests;

/// <summary>Both doors with a <see cref="RecordStore"/> and a "tight" rate-limit policy (one call a minute).</summary>
public static class ContractHost
{
    public static Task<TestHost> StartAsync() =>
        TestHost.StartAsync(
            [typeof(GetRecord).Assembly],
            configure: null,
            services =>
            {
                services.AddSingleton<RecordStore>();
                services.AddRateLimiter(o => o.AddFixedWindowLimiter("tight", w =>
                {
                    w.PermitLimit = 1;
                    w.Window = TimeSpan.FromMinutes(1);
                    w.QueueLimit = 0;
                }));
            },
            app =>
            {
                // A signed-in caller, for the tests that need one: the X-Test-User header names them.
                app.Use((context, next) =>
                {
                    if (context.Request.Headers.TryGetValue("X-Test-User", out var user))
                    {
                        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.ToString())], "test"));
                    }

                    return next(context);
                });
                app.UseRateLimiter();
                app.MapHybridActions();
                app.MapHybridRest();
            });

    public static RecordStore Records(this TestHost host) => host.Services.GetRequiredService<RecordStore>();

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
