using Microsoft.AspNetCore.Routing.Patterns;

namespace Hybrid.Http;

/// <summary>The start-up checks of a route's retirement plan (HYB024–HYB026).</summary>
internal sealed partial class RestRouteCheck
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private RestDeprecation? CheckDeprecation(RouteDeclaration route, string where)
    {
        if (route.Deprecated is null)
        {
            if (route.Sunset is not null || route.Successor is not null)
            {
                Add("HYB024", $"{_name}: {where} declares a Sunset or a Successor but is not deprecated. Fix: set Deprecated to the date the route was deprecated (e.g. \"2026-11-01\").");
            }

            return null;
        }

        var since = ParseDate(route.Deprecated, "Deprecated", where);
        var sunset = route.Sunset is null ? null : ParseDate(route.Sunset, "Sunset", where);
        if (since is { } from && sunset is { } until && until < from)
        {
            Add("HYB025", $"{_name}: {where} sets its Sunset ({route.Sunset}) before its Deprecated date ({route.Deprecated}). Fix: a route is deprecated before it is retired.");
        }

        var successor = route.Successor?.Trim('/');
        if (successor is not null)
        {
            try
            {
                foreach (var parameter in RouteTemplates.Parse(successor).Parameters)
                {
                    if (!RouteTemplates.Parse(route.Template).Parameters.Any(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
                    {
                        Add("HYB026", $"{_name}: {where} names the successor '{successor}', whose placeholder {{{parameter.Name}}} is not a placeholder of the route. Fix: use the route's own placeholders.");
                    }
                }
            }
            catch (RoutePatternException e)
            {
                Add("HYB026", $"{_name}: {where} names the successor '{successor}', which is not a valid template ({e.Message}). Fix: correct it.");
            }
        }

        return since is { } date ? new RestDeprecation(date, sunset, successor) : null;
    }

    private DateTimeOffset? ParseDate(string text, string what, string where)
    {
        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var date))
        {
            return date;
        }

        Add("HYB024", $"{_name}: {where} has {what} = \"{text}\", which is not a date. Fix: use ISO 8601, e.g. \"2027-06-30\" or \"2027-06-30T00:00:00Z\".");
        return null;
    }
}
