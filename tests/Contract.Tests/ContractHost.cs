using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Contract.Tests;

/// <summary>The REST door with a <see cref="RecordStore"/> and a "tight" rate-limit policy (one call a minute).</summary>
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
                app.UseRateLimiter();
                app.MapHybridRest();
            });

    public static RecordStore Records(this TestHost host) => host.Services.GetRequiredService<RecordStore>();

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
