using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Hybrid.Http;

/// <summary>
/// The headers of a deprecated route, on every answer it gives: <c>Deprecation</c> as an RFC 9745
/// date (<c>@</c> and Unix seconds), <c>Sunset</c> as an RFC 8594 HTTP-date, and <c>Link</c> to the
/// successor with <c>rel="successor-version"</c>, its placeholders filled from the request's route values.
/// </summary>
internal sealed class DeprecationHeaders
{
    private readonly string _deprecation;
    private readonly string? _sunset;
    private readonly string _restPrefix;
    private readonly RoutePattern? _successor;

    public DeprecationHeaders(RestDeprecation deprecation, string restPrefix)
    {
        _deprecation = "@" + deprecation.Since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        _sunset = deprecation.Sunset?.ToString("r", CultureInfo.InvariantCulture);
        _restPrefix = restPrefix;
        _successor = deprecation.Successor is null ? null : RouteTemplates.Parse(deprecation.Successor);
    }

    public void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers["Deprecation"] = _deprecation;
        if (_sunset is not null)
        {
            headers["Sunset"] = _sunset;
        }

        if (_successor is not null)
        {
            headers.Link = "<" + SuccessorPath(context.Request.RouteValues) + ">; rel=\"successor-version\"";
        }
    }

    private string SuccessorPath(RouteValueDictionary values)
    {
        var path = new StringBuilder(_restPrefix);
        foreach (var segment in _successor!.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Uri.EscapeDataString(Convert.ToString(values[parameter.Name], CultureInfo.InvariantCulture) ?? string.Empty),
                    _ => string.Empty,
                });
            }
        }

        return path.ToString();
    }
}
