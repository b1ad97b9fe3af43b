namespace Hybrid;

/// <summary>One REST route of an operation, as the catalog checked it.</summary>
public sealed class RestRoute
{
    internal RestRoute(string method, string template, int version, int statusCode, string? location, string? summary)
    {
        Method = method;
        Template = template;
        Version = version;
        StatusCode = statusCode;
        Location = location;
        Summary = summary;
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The route template relative to the version group, without leading or trailing slashes.</summary>
    public string Template { get; }

    /// <summary>The API version.</summary>
    public int Version { get; }

    /// <summary>The name of the public document that describes the route: <c>v{Version}</c>.</summary>
    public string DocumentName => "v" + Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The success status code (200, 201 or 204 by convention, or the declared one).</summary>
    public int StatusCode { get; }

    /// <summary>The <c>Location</c> header template for 201 responses, if any.</summary>
    public string? Location { get; }

    /// <summary>The one-line summary, if declared.</summary>
    public string? Summary { get; }

    /// <summary>True when the method reads no body (GET, DELETE, HEAD): non-route members bind from the query.</summary>
    public bool BindsQuery => Method is "GET" or "DELETE" or "HEAD";

    /// <inheritdoc />
    public override string ToString() => $"{Method} v{Version}/{Template}";
}
