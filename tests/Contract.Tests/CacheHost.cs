using System.Security.Claims;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Contract.Tests;

/// <summary>Both doors behind ASP.NET Core output caching (in memory, or a store that fails); <c>X-Test-User</c> signs a caller in.</summary>
public static class CacheHost
{
    public static Task<TestHost> StartAsync(IOutputCacheStore? store = null, Action<IServiceCollection>? services = null) =>
        TestHost.StartAsync(
            [typeof(GetShelf).Assembly],
            configure: null,
            s =>
            {
                s.AddSingleton<RecordStore>();
                s.AddSingleton<NoteStore>();
                s.AddHttpContextAccessor();
                s.AddRateLimiter(_ => { });
                s.AddOutputCache();
                if (store is not null)
                {
                    s.AddSingleton(store);
                }

                services?.Invoke(s);
            },
            app =>
            {
                app.Use((context, next) =>
                {
                    if (context.Request.Headers.TryGetValue("X-Test-User", out var user))
                    {
                        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.ToString())], "test"));
                    }

                    return next(context);
                });
                app.UseOutputCache();
                app.MapHybridActions();
                app.MapHybridRest();
            });
}
