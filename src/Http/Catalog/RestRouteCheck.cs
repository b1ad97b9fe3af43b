using Microsoft.AspNetCore.Routing.Patterns;

namespace Hybrid.Http;

/// <summary>
/// The REST door's start-up checks of one operation: its declared routes (method, version, template,
/// placeholders, query members, status and Location, HYB007–HYB020), header members (HYB030–HYB031),
/// deprecations, and the settings only routes can act on. Each problem joins the one start-up report.
/// </summary>
internal sealed partial class RestRouteCheck(HybridOperation operation, RequestShape shape, List<HybridConfigurationError> errors)
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    private readonly Type _type = operation.RequestType;
    private readonly string _name = Name(operation.RequestType);

    /// <summary>
    /// The operation's checked routes, every version of each declaration; empty when it declares none or
    /// one failed. The settings only routes act on are checked on every operation while the door is mapped.
    /// </summary>
    public IReadOnlyList<RestRoute> Run(RestCatalogState state)
    {
        var before = errors.Count;
        var declared = Declared();
        if (declared.Count > 0)
        {
            CheckHeaderMembers();
        }

        var routes = new List<RestRoute>();
        foreach (var route in declared)
        {
            if (CheckRoute(operation.ResponseType, route, state) is { } checkedRoute)
            {
                routes.Add(checkedRoute);
            }
        }

        CheckRetriesAndWebhooks(operation.Metadata, routes, operation.DeclaredDoors.Contains(HybridDoors.Action));
        CheckCaching(operation.Metadata, routes, operation.DeclaredDoors.Any(d => d != HybridDoors.Rest));
        return errors.Count > before ? [] : routes;
    }

    /// <summary>The declared routes, attributes then code, one per version, with the deprecations declared in code applied.</summary>
    private List<RouteDeclaration> Declared()
    {
        var routes = new List<RouteDeclaration>();
        var deprecations = new List<RestVersionDeprecation>();
        foreach (var declaration in operation.DeclarationsFor(HybridDoors.Rest))
        {
            switch (declaration)
            {
                case RestRouteAttribute attribute:
                    foreach (var version in attribute.Versions is { Length: > 0 } versions ? versions : [attribute.Version])
                    {
                        routes.Add(new RouteDeclaration(attribute.Method, attribute.Template, version, attribute.StatusCode, attribute.Location, attribute.Summary, "attribute")
                        {
                            Deprecated = attribute.Deprecated,
                            Sunset = attribute.Sunset,
                            Successor = attribute.Successor,
                        });
                    }

                    break;
                case RouteDeclaration route: routes.Add(route); break;
                case RestVersionDeprecation deprecation: deprecations.Add(deprecation); break;
                default: break;
            }
        }

        for (var i = 0; i < routes.Count; i++)
        {
            foreach (var deprecation in deprecations)
            {
                if (routes[i].Version == deprecation.Version && routes[i].Deprecated is null)
                {
                    routes[i] = routes[i] with { Deprecated = Iso(deprecation.Since), Sunset = deprecation.Sunset is { } end ? Iso(end) : null, Successor = deprecation.Successor };
                }
            }
        }

        foreach (var deprecation in deprecations.Where(d => !routes.Exists(r => r.Version == d.Version)))
        {
            Add("HYB024", $"{_name} deprecates version {deprecation.Version} in code (Deprecate) but has no route in that version. Fix: deprecate a version the operation is exposed in.");
        }

        return routes;
    }

    /// <summary>A [FromHeader] member is set from one header value, after the request object is made.</summary>
    private void CheckHeaderMembers()
    {
        foreach (var member in shape.Members)
        {
            if (member.HeaderName is not { } header)
            {
                continue;
            }

            if (!member.IsSimple)
            {
                Add("HYB030", $"{_name}.{member.Property.Name} is [FromHeader] '{header}' but of type {member.Type.Name}, which one header value cannot carry. Fix: use a string, number, Guid, date or enum property.");
            }
            else if (!member.CanWrite)
            {
                Add("HYB031", $"{_name}.{member.Property.Name} is [FromHeader] '{header}' but has no public setter. Fix: give it a setter or 'init', or use a positional record.");
            }
        }
    }

    /// <summary>Reads only: what a GET-only operation makes stale means nothing, and a read cache needs a GET.</summary>
    private void CheckCaching(IReadOnlyList<object> metadata, List<RestRoute> routes, bool onOtherDoors)
    {
        if (metadata.OfType<RevalidatesAttribute>().Any() && routes.Count > 0 && !onOtherDoors && routes.TrueForAll(r => r.Method == "GET"))
        {
            errors.Add(SettingRules.RevalidatesOnlyReads(_name));
        }

        if (metadata.OfType<ReadCacheAttribute>().Any() && !routes.Exists(r => r.Method == "GET"))
        {
            errors.Add(SettingRules.ReadCacheWithoutGet(_name));
        }
    }

    private void Add(string id, string message) => errors.Add(new HybridConfigurationError(id, message));

    private static string Name(Type type) => type.FullName ?? type.Name;

    private RestRoute? CheckRoute(Type response, RouteDeclaration route, RestCatalogState state)
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
        if (state.RouteKeys.TryGetValue(key, out var owner) && owner.Owner != _type)
        {
            Add("HYB019", $"{_name}: {where} duplicates the route of {Name(owner.Owner)} ({route.Method} v{route.Version}/{owner.Template}): both match the same URLs. Fix: change one template, method or version.");
        }
        else if (!state.RouteKeys.TryAdd(key, (_type, template)))
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
        for (var i = 2; !state.OperationIds.Add(documentName + "/" + operationId); i++)
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
