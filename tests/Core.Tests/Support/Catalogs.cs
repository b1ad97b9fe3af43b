using Hybrid.Testing;
using System.Text.Json;

namespace Hybrid.Core.Tests.Support;

/// <summary>Builds catalogs the way AddHybrid does, from an explicit set of types.</summary>
internal static class Catalogs
{
    /// <summary>
    /// What AddHybrid passes: ASP.NET Core's JsonOptions as they start (web defaults, camelCase,
    /// the reflection resolver). A bare <c>new JsonSerializerOptions()</c> has no resolver, and the
    /// catalog would then fall back to the naming policy and miss [JsonPropertyName].
    /// </summary>
    public static JsonSerializerOptions WebJson() => new Microsoft.AspNetCore.Http.Json.JsonOptions().SerializerOptions;

    public static OperationCatalog Build(Action<HybridOptions>? configure, params Type[] types)
    {
        var options = new HybridOptions();
        configure?.Invoke(options);
        var catalog = CatalogBuilder.Collect([new ScannedTypes(types)], HandlerScanner.Scan([new ScannedTypes(types)]), options, WebJson());

        // The doors read their own declarations when the app maps them; here, at once, as both are mapped.
        catalog.Doors.Of(Actions.ActionDoor.Instance, catalog);
        catalog.Doors.Of(Http.RestDoor.Instance, catalog);
        var errors = catalog.Errors.Concat(catalog.Doors.Errors).ToList();
        return errors.Count > 0 ? throw new HybridConfigurationException(errors) : catalog;
    }

    public static HybridConfigurationException Fails(Action<HybridOptions>? configure, params Type[] types)
    {
        var build = () => Build(configure, types);
        return build.Should().ThrowExactly<HybridConfigurationException>().Which;
    }

    /// <summary>Asserts that exactly one problem was found, with the given stable id, naming the type and a fix; returns its message.</summary>
    public static string SingleError(this HybridConfigurationException exception, Type named, string id)
    {
        exception.Errors.Should().ContainSingle();
        var error = exception.Errors[0];
        error.Id.Should().Be(id);
        error.Message.Should().Contain(named.FullName!).And.Contain("Fix:");
        exception.Message.Should().Contain(error.ToString());
        return error.Message;
    }
}
