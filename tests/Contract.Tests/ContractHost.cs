using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Contract.Tests;

/// <summary>
/// Both doors over this assembly with a <see cref="RecordStore"/>, a <see cref="NoteStore"/>, a "tight"
/// rate-limit policy (one call a minute) and <see cref="HeaderUser"/> to sign a caller in; behind
/// ASP.NET Core output caching when asked (in memory, or the given store, e.g. one that fails).
/// </summary>
public static class ContractHost
{
    public static Task<TestHost> StartAsync(bool outputCache = false, IOutputCacheStore? store = null, Action<IServiceCollection>? services = null) =>
        TestHost.StartAsync(
            [typeof(GetRecord).Assembly],
            configure: null,
            s =>
            {
                s.AddSingleton<RecordStore>();
                s.AddSingleton<NoteStore>();
                s.AddHttpContextAccessor();
                s.AddRateLimiter(o => o.AddFixedWindowLimiter("tight", w =>
                {
                    w.PermitLimit = 1;
                    w.Window = TimeSpan.FromMinutes(1);
                    w.QueueLimit = 0;
                }));
                if (outputCache)
                {
                    s.AddOutputCache();
                }

                if (store is not null)
                {
                    s.AddSingleton(store);
                }

                services?.Invoke(s);
            },
            app =>
            {
                HeaderUser.Use(app);
                app.UseRateLimiter();
                if (outputCache)
                {
                    app.UseOutputCache();
                }

                app.MapHybridActions();
                app.MapHybridRest();
            });

    public static RecordStore Records(this TestHost host) => host.Services.GetRequiredService<RecordStore>();
}
