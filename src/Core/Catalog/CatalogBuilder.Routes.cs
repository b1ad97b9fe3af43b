using Microsoft.AspNetCore.Routing.Patterns;

namespace Hybrid;

/// <summary>The start-up checks of one declared REST route: method, version, template, placeholders, query members, status and Location (HYB007–HYB020).</summary>
internal static partial class CatalogBuilder
{
    private sealed partial class OperationCheck
    {
        private RestRoute? CheckRoute(Type response, RouteDeclaration route, Dictionary<string, (Type Owner, string Template)> routeKeys, HashSet<string> operationIds)
        {
            var where = $"{route.Method} '{route.Template}' (declared by {route.Source})";
            var before = errors.Count;
            if (!Methods.Contains(route.Method))
            {
                Add("HYB007", $"{_name}: {where} uses the method {route.Method}, which the REST door does not map. Fix: use GET, POST, PUT, PATCH or DELETE.");
                return null;
            }

            if (route.Version < 1)
            {
                Add("HYB008", $"{_name}: {where} has version {route.Version}. Fix: versions start at 1.");
            }

            RoutePattern pattern;
            try
            {
                pattern = RouteTemplates.Parse(route.Template);
            }
            catch (RoutePatternException e)
            {
                Add("HYB009", $"{_name}: {where} is not a valid route template ({e.Message}). Fix: correct the template.");
                return null;
            }

            var bound = CheckPlaceholders(pattern, where);
            if (RestRoute.BindsQueryFor(route.Method))
            {
                CheckQueryMembers(bound, route.Method, where);
            }

            var isUnit = response == typeof(MediatR.Unit);
            var status = route.StatusCode != 0 ? route.StatusCode : isUnit ? 204 : route.Method == "POST" ? 201 : 200;
            if (status is < 200 or > 299)
            {
                Add("HYB015", $"{_name}: {where} declares the success status {status}. Fix: use a 2xx status; failures are signalled with Hybrid's exceptions.");
            }
            else if (isUnit && status != 204 && status != 202)
            {
                Add("HYB016", $"{_name}: {where} returns nothing (Unit) but declares the status {status}, which needs a body. Fix: use 204 (or 202), or return a value.");
            }

            if (route.Location is not null)
            {
                CheckLocation(response, route.Location, status, where);
            }

            var template = route.Template.Trim('/');
            var key = $"{route.Method} v{route.Version}/{RouteTemplates.Shape(pattern)}";
            if (routeKeys.TryGetValue(key, out var owner) && owner.Owner != _type)
            {
                Add("HYB019", $"{_name}: {where} duplicates the route of {Name(owner.Owner)} ({route.Method} v{route.Version}/{owner.Template}): both match the same URLs. Fix: change one template, method or version.");
            }
            else if (!routeKeys.TryAdd(key, (_type, template)))
            {
                Add("HYB020", $"{_name}: {where} is declared twice. Fix: remove one declaration.");
            }

            var deprecation = CheckDeprecation(route, where);
            if (errors.Count > before)
            {
                return null;
            }

            var documentName = RestRoute.DocumentNameOf(route.Version);
            var operationId = _type.Name;
            for (var i = 2; !operationIds.Add(documentName + "/" + operationId); i++)
            {
                operationId = _type.Name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return new RestRoute(route.Method, template, route.Version, status, route.Location?.Trim('/'), route.Summary, operationId, deprecation);
        }

        private HashSet<RequestMember> CheckPlaceholders(RoutePattern pattern, string where)
        {
            var bound = new HashSet<RequestMember>();
            foreach (var parameter in pattern.Parameters)
            {
                var member = shape.Find(parameter.Name);
                if (member is null)
                {
                    Add("HYB010", $"{_name}: {where} has the placeholder {{{parameter.Name}}} but {_type.Name} has no public property of that name. Fix: rename the placeholder or add the property.");
                }
                else if (!member.CanWrite)
                {
                    Add("HYB011", $"{_name}: {where} binds {{{parameter.Name}}} to {_type.Name}.{member.Property.Name}, which has no public setter. Fix: give it a setter or 'init', or use a positional record.");
                }
                else if (member.HeaderName is not null)
                {
                    Add("HYB032", $"{_name}: {where} binds {{{parameter.Name}}} to {_type.Name}.{member.Property.Name}, which is also [FromHeader]. Fix: take the value from the route or from the header, not both.");
                }
                else if (!member.IsSimple)
                {
                    Add("HYB012", $"{_name}: {where} binds {{{parameter.Name}}} to {_type.Name}.{member.Property.Name} of type {member.Type.Name}, which a route value cannot carry. Fix: use a string, number, Guid, date or enum property.");
                }
                else
                {
                    bound.Add(member);
                }
            }

            return bound;
        }

        private void CheckQueryMembers(HashSet<RequestMember> bound, string method, string where)
        {
            foreach (var member in shape.Members)
            {
                if (bound.Contains(member) || member.HeaderName is not null)
                {
                    continue;
                }

                if (!member.IsSimple && SimpleTypes.ElementOf(member.Type) is null)
                {
                    Add("HYB013", $"{_name}: {where} would need a request body for {_type.Name}.{member.Property.Name} ({member.Type.Name}), and {method} has none. Fix: make it a simple query value or a collection of them (string[], List<int>), or expose the request with POST/PUT/PATCH.");
                }
                else if (!member.CanWrite)
                {
                    Add("HYB014", $"{_name}: {where} binds the query parameter '{member.JsonName}' to {_type.Name}.{member.Property.Name}, which has no public setter. Fix: give it a setter or 'init', or use a positional record.");
                }
            }
        }

        private void CheckLocation(Type response, string location, int status, string where)
        {
            if (status != 201)
            {
                Add("HYB017", $"{_name}: {where} declares a Location template but answers {status}. Fix: Location goes with 201.");
                return;
            }

            RoutePattern pattern;
            try
            {
                pattern = RouteTemplates.Parse(location);
            }
            catch (RoutePatternException e)
            {
                Add("HYB018", $"{_name}: {where} has the Location template '{location}', which is not a valid template ({e.Message}). Fix: correct it.");
                return;
            }

            var responseShape = RequestShape.For(response, shape.Json);
            foreach (var parameter in pattern.Parameters)
            {
                if (responseShape.Find(parameter.Name) is null && shape.Find(parameter.Name) is null)
                {
                    Add("HYB018", $"{_name}: {where} has the Location placeholder {{{parameter.Name}}}, which names no property of {response.Name} or {_type.Name}. Fix: name a property of the response (e.g. its id) or of the request.");
                }
            }
        }
    }
}
