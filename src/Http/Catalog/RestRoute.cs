using System.Globalization;

namespace Hybrid;

/// <summary>One REST route of an operation, as the catalog checked it.</summary>
public sealed class RestRoute
{
    internal RestRoute(string method, string template, int version, int statusCode, string? location, string? summary, string operationId, RestDeprecation? deprecation = null)
    {
        Deprecation = deprecation;
        Method = method;
        Template = template;
        Version = version;
        StatusCode = statusCode;
        Location = location;
        Summary = summary;
        OperationId = operationId;
        DocumentName = DocumentNameOf(version);
        BindsQuery = BindsQueryFor(method);
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The route template relative to the version group, without leading or trailing slashes.</summary>
    public string Template { get; }

    /// <summary>The API version.</summary>
    public int Version { get; }

    /// <summary>
    /// The version's path segment and the name of the public document that describes the route:
    /// <c>v{Version}</c>, so the route is served under <c>{RestPrefix}/v{Version}/</c>.
    /// </summary>
    public string DocumentName { get; }

    /// <summary>The success status code (200, 201 or 204 by convention, or the declared one).</summary>
    public int StatusCode { get; }

    /// <summary>The <c>Location</c> header template for 201 responses, if any.</summary>
    public string? Location { get; }

    /// <summary>The one-line summary, if declared.</summary>
    public string? Summary { get; }

    /// <summary>
    /// The route's operationId in its version's document, unique there, and its endpoint name
    /// (prefixed with <c>Hybrid.{DocumentName}.</c>, unique app-wide): the request type's name,
    /// numbered from 2 when one version holds several routes of one name.
    /// </summary>
    public string OperationId { get; }

    /// <summary>The route's retirement plan, or <see langword="null"/> while it is current.</summary>
    public RestDeprecation? Deprecation { get; }

    /// <summary>True when the method reads no body (GET, DELETE): non-route members bind from the query.</summary>
    public bool BindsQuery { get; }

    /// <summary>The endpoint name: unique app-wide, so <c>LinkGenerator</c> can address the route.</summary>
    public string EndpointName => "Hybrid." + DocumentName + "." + OperationId;

    /// <inheritdoc />
    public override string ToString() => $"{Method} {DocumentName}/{Template}";

    internal static string DocumentNameOf(int version) => "v" + version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The one rule for where non-route members come from: the query for methods without a body.</summary>
    internal static bool BindsQueryFor(string method) => method is "GET" or "DELETE";
}
