using Microsoft.AspNetCore.Routing.Patterns;

namespace Hybrid.Http;

/// <summary>
/// The one parser of Hybrid's templates (REST routes and <c>Location</c> headers): ASP.NET Core's
/// route pattern parser, so <c>{id:int}</c>, <c>{slug?}</c> and <c>{**path}</c> mean what routing
/// says they mean, constraints and all.
/// </summary>
internal static class RouteTemplates
{
    /// <summary>Parses a template relative to a group; throws a <c>RoutePatternException</c> when invalid.</summary>
    public static RoutePattern Parse(string template) => RoutePatternFactory.Parse(template.Trim('/'));

    /// <summary>
    /// The template as an OpenAPI path (relative, no leading slash): each placeholder written
    /// <c>{name}</c>, without its constraint, default, <c>?</c> or <c>**</c>, and named from
    /// <paramref name="names"/> by position.
    /// </summary>
    public static string Path(RoutePattern pattern, IReadOnlyList<string> names)
    {
        var index = 0;
        return string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "{" + names[index++] + "}",
        }))));
    }

    /// <summary>The template with every placeholder reduced to <c>{}</c>: two routes with the same shape collide.</summary>
    public static string Shape(RoutePattern pattern) =>
        string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content.ToUpperInvariant(),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "{}",
        }))));
}
