namespace Hybrid.Http;

/// <summary>
/// Which request members a route binds from its URL, its headers (<c>[FromHeader]</c>), the query
/// and the body; the document builder reads the same. A header-bound member is never read from the
/// query or the body.
/// </summary>
internal sealed record RestBinding(
    IReadOnlyList<(string RouteName, RequestMember Member)> Route,
    IReadOnlyList<RequestMember> Query,
    IReadOnlyList<RequestMember> Body,
    IReadOnlyList<(string HeaderName, RequestMember Member)> Header)
{
    /// <summary>The members a JSON body or a form must not name: the route's and the headers'.</summary>
    public IEnumerable<RequestMember> NotInBody => Route.Select(r => r.Member).Concat(Header.Select(h => h.Member));

    public static RestBinding For(RequestShape shape, RestRoute route)
    {
        var pattern = RouteTemplates.Parse(route.Template);
        var bound = pattern.Parameters.Select(p => (p.Name, shape.Find(p.Name)!)).ToList();
        var headers = shape.Members
            .Where(m => !bound.Any(b => b.Item2 == m))
            .Select(m => (Name: m.HeaderName, Member: m))
            .Where(h => h.Name is not null)
            .Select(h => (h.Name!, h.Member))
            .ToList();
        var rest = shape.Members.Where(m => !bound.Any(b => b.Item2 == m) && !headers.Any(h => h.Item2 == m)).ToList();
        return route.BindsQuery
            ? new RestBinding(bound, rest, [], headers)
            : new RestBinding(bound, [], rest, headers);
    }
}
