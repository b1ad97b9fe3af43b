using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Http.Tests;

/// <summary>Starts a test host with the REST door and a <see cref="ThingStore"/>.</summary>
public static class RestHost
{
    public static Task<TestHost> StartAsync(Action<HybridOptions>? configure = null, Action<WebApplication>? map = null) =>
        TestHost.StartAsync(
            [typeof(CreateThing).Assembly],
            configure,
            s => s.AddSingleton<ThingStore>(),
            map ?? (app => app.MapHybridRest()));

    public static ThingStore Store(this TestHost host) => host.Services.GetRequiredService<ThingStore>();
}
