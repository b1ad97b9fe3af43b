namespace Hybrid.Http;

/// <summary>Which request members a route binds from its URL and which from the query; the document builder reads the same.</summary>
internal sealed record RestBinding(IReadOnlyList<(string RouteName, RequestMember Member)> Route, IReadOnlyList<RequestMember> Query, IReadOnlyList<RequestMember> Body)
{
    public static RestBinding For(RequestShape shape, RestRoute route)
    {
        var pattern = RouteTemplates.Parse(route.Template);
        var bound = pattern.Parameters.Select(p => (p.Name, shape.Find(p.Name)!)).ToList();
        var rest = shape.Members.Where(m => !bound.Any(b => b.Item2 == m)).ToList();
        return route.BindsQuery
            ? new RestBinding(bound, rest, [])
            : new RestBinding(bound, [], rest);
    }
}
