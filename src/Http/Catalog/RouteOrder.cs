namespace Hybrid.Http;

/// <summary>The inventory's order of REST routes: by version, then template, then method, ordinally, so it never depends on declaration or reflection order.</summary>
internal sealed class RouteOrder : IComparer<RestRoute>
{
    public static readonly RouteOrder Instance = new();

    public int Compare(RestRoute? x, RestRoute? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var byVersion = x.Version.CompareTo(y.Version);
        if (byVersion != 0)
        {
            return byVersion;
        }

        var byTemplate = string.CompareOrdinal(x.Template, y.Template);
        return byTemplate != 0 ? byTemplate : string.CompareOrdinal(x.Method, y.Method);
    }
}
