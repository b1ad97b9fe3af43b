using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions.TagHelpers;

/// <summary>
/// Where the enhancement script is served: the fingerprinted URL <c>MapStaticAssets()</c> maps it
/// to (<c>_content/Hybrid.Actions/hybrid.{fingerprint}.js</c>, cached for a year as immutable), so a
/// new version of the library is a new URL; else the plain path, which <c>UseStaticFiles()</c> serves.
/// </summary>
internal static class EnhanceScript
{
    /// <summary>The asset's path in the app's static web assets (a Razor class library's <c>_content/{assembly}/</c>).</summary>
    public const string Asset = "_content/Hybrid.Actions/hybrid.js";

    // The endpoints do not change once the app runs: searched once per app (per data source).
    private static readonly ConditionalWeakTable<EndpointDataSource, string> Routes = new();

    public static string Url(HttpContext http)
    {
        var pathBase = http.Request.PathBase.Value ?? string.Empty;

        // A page mapped WithStaticAssets() carries the app's asset collection: the URL its other tags get.
        if (http.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>() is { } assets && assets[Asset] is { } url && url != Asset)
        {
            return pathBase + "/" + url;
        }

        return http.RequestServices.GetService<EndpointDataSource>() is { } endpoints
            ? pathBase + "/" + Routes.GetValue(endpoints, Fingerprinted)
            : pathBase + "/" + Asset;
    }

    /// <summary>The route of the fingerprinted, uncompressed endpoint whose label is the asset (compressed ones are selected by Accept-Encoding).</summary>
    private static string Fingerprinted(EndpointDataSource endpoints) =>
        endpoints.Endpoints
            .Select(e => e.Metadata.GetMetadata<StaticAssetDescriptor>())
            .FirstOrDefault(d => d is not null &&
                d.Properties.Any(p => p.Name == "label" && p.Value == Asset) &&
                d.Properties.Any(p => p.Name == "fingerprint"))?.Route
        ?? Asset;
}
