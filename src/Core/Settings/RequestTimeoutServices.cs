using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid;

/// <summary>
/// Whether <c>services.AddRequestTimeouts()</c> ran. It registers one service only, internal to
/// ASP.NET Core, so it is found by name; should a later ASP.NET Core rename it, the check passes
/// rather than stop a correct app, and the first request still warns (HYB077) when the middleware
/// does not run.
/// </summary>
internal static class RequestTimeoutServices
{
    private static readonly Type? Linker = typeof(RequestTimeoutOptions).Assembly.GetType("Microsoft.AspNetCore.Http.Timeouts.ICancellationTokenLinker");

    public static bool Registered(IServiceProvider services) =>
        Linker is null || services.GetService<IServiceProviderIsService>()?.IsService(Linker) != false;
}
