using System.Reflection;

namespace Hybrid.Http;

/// <summary>
/// Where a REST route's resource version comes from. A GET's is the <see cref="ResourceVersionAttribute"/>
/// member of its own response; a PUT, PATCH or DELETE's is that of the GET on the same route shape
/// and version, which the door reads before the write to judge <c>If-Match</c>.
/// </summary>
internal static class ResourceVersions
{
    /// <summary>The response member marked <see cref="ResourceVersionAttribute"/>, or <see langword="null"/>.</summary>
    public static PropertyInfo? MemberOf(Type responseType) =>
        responseType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.IsDefined(typeof(ResourceVersionAttribute), inherit: true) && p.GetIndexParameters().Length == 0);

    /// <summary>
    /// The GET operation and route whose response gives the version <paramref name="route"/> (a PUT,
    /// PATCH or DELETE) is checked against, or <see langword="null"/> when none has a version member.
    /// </summary>
    public static (HybridOperation Operation, RestRoute Route)? ReaderFor(OperationCatalog catalog, RestRoute route)
    {
        if (route.Method is not ("PUT" or "PATCH" or "DELETE"))
        {
            return null;
        }

        var shape = RouteTemplates.Shape(RouteTemplates.Parse(route.Template));
        foreach (var operation in catalog.Operations)
        {
            foreach (var candidate in operation.Routes)
            {
                if (candidate.Method == "GET" && candidate.Version == route.Version &&
                    MemberOf(operation.ResponseType) is not null &&
                    RouteTemplates.Shape(RouteTemplates.Parse(candidate.Template)) == shape)
                {
                    return (operation, candidate);
                }
            }
        }

        return null;
    }

    /// <summary>True when the route answers 412 for a stale <c>If-Match</c>.</summary>
    public static bool SupportsIfMatch(OperationCatalog catalog, RestRoute route) => ReaderFor(catalog, route) is not null;
}
