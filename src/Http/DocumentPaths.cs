namespace Hybrid.Http;

/// <summary>
/// The paths of one version's document. Routing matches <c>tasks/{taskId}</c> (a GET) and
/// <c>tasks/{id}</c> (a DELETE of another operation) alike, and so does OpenAPI, which forbids two
/// equivalent paths in one document: routes of one shape are one path, written with the placeholder
/// names of the first of them in template order (and without constraints, which OpenAPI paths do not
/// carry). Each route's own names still bind its request; a path parameter is a value at a position
/// of the URL, whatever a document calls it.
/// </summary>
internal sealed class DocumentPaths
{
    private readonly Dictionary<RestRoute, (string Path, IReadOnlyList<string> Names)> _written = [];

    /// <param name="routes">The version's routes, in the order the document lists them.</param>
    public DocumentPaths(IEnumerable<RestRoute> routes)
    {
        var first = new Dictionary<string, (string Path, IReadOnlyList<string> Names)>(StringComparer.OrdinalIgnoreCase);
        foreach (var route in routes)
        {
            var pattern = RouteTemplates.Parse(route.Template);
            var shape = RouteTemplates.Shape(pattern);
            if (!first.TryGetValue(shape, out var path))
            {
                var names = pattern.Parameters.Select(p => p.Name).ToList();
                path = (RouteTemplates.Path(pattern, names), names);
                first.Add(shape, path);
            }

            _written[route] = path;
        }
    }

    /// <summary>The route's path in the document, relative to the version's prefix.</summary>
    public string PathOf(RestRoute route) => _written[route].Path;

    /// <summary>The name the document gives the route's placeholder at <paramref name="position"/>.</summary>
    public string NameOf(RestRoute route, int position) => _written[route].Names[position];
}
