using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Hybrid;

/// <summary>
/// Builds the operation catalog once, at start-up, from handlers, attributes and code declarations,
/// and refuses an inconsistent one with every problem named.
/// </summary>
internal static partial class CatalogBuilder
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex ActionIdPattern();

    [GeneratedRegex(@"\{[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static OperationCatalog Build(IEnumerable<Assembly> assemblies, HybridOptions options, JsonSerializerOptions json)
    {
        var errors = new List<string>();
        var handlers = new Dictionary<Type, FoundHandler>();
        foreach (var handler in HandlerScanner.Scan(assemblies))
        {
            if (handlers.TryGetValue(handler.RequestType, out var other) && other.ImplementationType != handler.ImplementationType)
            {
                errors.Add($"{Name(handler.RequestType)} has two handlers, {Name(other.ImplementationType)} and {Name(handler.ImplementationType)}. Fix: keep one; MediatR sends a request to exactly one handler.");
                continue;
            }

            handlers[handler.RequestType] = handler;
        }

        var declarations = CollectDeclarations(assemblies, options);
        var operations = new List<HybridOperation>();
        var shapes = new Dictionary<Type, RequestShape>();
        var actionIds = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        var routeKeys = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var declaration in declarations.Values.OrderBy(d => d.RequestType.FullName, StringComparer.Ordinal))
        {
            var shape = RequestShape.For(declaration.RequestType, json);
            var operation = Check(declaration, shape, handlers, errors, actionIds, routeKeys);
            if (operation is not null)
            {
                operations.Add(operation);
                shapes.Add(operation.RequestType, shape);
            }
        }

        if (errors.Count > 0)
        {
            throw new HybridConfigurationException(errors);
        }

        return new OperationCatalog(operations, shapes, json);
    }

    private static Dictionary<Type, OperationDeclaration> CollectDeclarations(IEnumerable<Assembly> assemblies, HybridOptions options)
    {
        var declarations = new Dictionary<Type, OperationDeclaration>();
        foreach (var type in assemblies.Distinct().SelectMany(HandlerScanner.LoadableTypes))
        {
            var action = type.GetCustomAttribute<ActionAttribute>(inherit: false);
            var routes = type.GetCustomAttributes<RestRouteAttribute>(inherit: false).ToList();
            if (action is null && routes.Count == 0)
            {
                continue;
            }

            var declaration = new OperationDeclaration(type)
            {
                IsAction = action is not null,
                ActionId = action?.Id,
                Summary = action?.Summary,
            };
            foreach (var route in routes)
            {
                declaration.Routes.Add(new RouteDeclaration(route.Method, route.Template, route.Version, route.StatusCode, route.Location, route.Summary, "attribute"));
            }

            declarations.Add(type, declaration);
        }

        foreach (var (type, code) in options.CodeDeclarations)
        {
            if (!declarations.TryGetValue(type, out var declaration))
            {
                declarations.Add(type, code);
                continue;
            }

            declaration.IsAction |= code.IsAction;
            declaration.ActionId = code.ActionId ?? declaration.ActionId;
            declaration.Summary = code.Summary ?? declaration.Summary;
            declaration.Routes.AddRange(code.Routes);
        }

        return declarations;
    }

    private static HybridOperation? Check(
        OperationDeclaration declaration,
        RequestShape shape,
        Dictionary<Type, FoundHandler> handlers,
        List<string> errors,
        Dictionary<string, Type> actionIds,
        Dictionary<string, Type> routeKeys)
    {
        var type = declaration.RequestType;
        var name = Name(type);
        var before = errors.Count;

        var response = HandlerScanner.ResponseTypeOf(type, out var responseCount);
        if (response is null)
        {
            errors.Add(responseCount == 0
                ? $"{name} is exposed but does not implement MediatR's IRequest<TResponse>. Fix: declare it as 'record {type.Name}(...) : IRequest<TResponse>' (IRequest for no result)."
                : $"{name} implements IRequest<TResponse> more than once. Fix: give each exposed request type exactly one response type.");
            return null;
        }

        if (!type.IsClass || type.IsAbstract || type.ContainsGenericParameters)
        {
            errors.Add($"{name} is exposed but is not a concrete, non-generic class. Fix: expose a concrete class or record (not a struct, interface or open generic).");
            return null;
        }

        if (!handlers.TryGetValue(type, out var handler))
        {
            errors.Add($"{name} is exposed but no IRequestHandler<{type.Name}, {response.Name}> was found in the scanned assemblies. Fix: add a handler, or pass its assembly to AddHybrid(...).");
        }

        string? actionId = null;
        if (declaration.IsAction)
        {
            actionId = declaration.ActionId ?? type.Name;
            if (!ActionIdPattern().IsMatch(actionId))
            {
                errors.Add($"{name} has the action id '{actionId}', which is not a valid id. Fix: use letters, digits, '_', '.' and '-', starting with a letter or digit, at most 128 characters.");
            }
            else if (actionIds.TryGetValue(actionId, out var owner))
            {
                errors.Add($"{name} and {Name(owner)} both use the action id '{actionId}'. Fix: give one of them another id with [Action(\"...\")] or AsAction(\"...\").");
            }
            else
            {
                actionIds.Add(actionId, type);
            }
        }

        var routes = new List<RestRoute>();
        foreach (var route in declaration.Routes)
        {
            var checkedRoute = CheckRoute(type, response, shape, route, errors, routeKeys);
            if (checkedRoute is not null)
            {
                routes.Add(checkedRoute);
            }
        }

        if (!declaration.IsAction && declaration.Routes.Count == 0)
        {
            return null;
        }

        return errors.Count > before || handler is null
            ? null
            : new HybridOperation(type, response, handler.ImplementationType, actionId, declaration.Summary, routes);
    }

    private static RestRoute? CheckRoute(Type type, Type response, RequestShape shape, RouteDeclaration route, List<string> errors, Dictionary<string, Type> routeKeys)
    {
        var name = Name(type);
        var where = $"{route.Method} '{route.Template}' (declared by {route.Source})";
        var before = errors.Count;
        if (!Methods.Contains(route.Method))
        {
            errors.Add($"{name}: {where} uses the method {route.Method}, which the REST door does not map. Fix: use GET, POST, PUT, PATCH or DELETE.");
            return null;
        }

        if (route.Version < 1)
        {
            errors.Add($"{name}: {where} has version {route.Version}. Fix: versions start at 1.");
        }

        var template = route.Template.Trim('/');
        RoutePattern pattern;
        try
        {
            pattern = RoutePatternFactory.Parse(template);
        }
        catch (RoutePatternException e)
        {
            errors.Add($"{name}: {where} is not a valid route template ({e.Message}). Fix: correct the template.");
            return null;
        }

        var bound = new HashSet<RequestMember>();
        foreach (var parameter in pattern.Parameters)
        {
            var member = shape.Find(parameter.Name);
            if (member is null)
            {
                errors.Add($"{name}: {where} has the placeholder {{{parameter.Name}}} but {type.Name} has no public property of that name. Fix: rename the placeholder or add the property.");
            }
            else if (!member.CanWrite)
            {
                errors.Add($"{name}: {where} binds {{{parameter.Name}}} to {type.Name}.{member.Property.Name}, which has no public setter. Fix: give it a setter or 'init', or use a positional record.");
            }
            else if (!member.IsSimple)
            {
                errors.Add($"{name}: {where} binds {{{parameter.Name}}} to {type.Name}.{member.Property.Name} of type {member.Type.Name}, which a route value cannot carry. Fix: use a string, number, Guid, date or enum property.");
            }
            else
            {
                bound.Add(member);
            }
        }

        var isQueryMethod = route.Method is "GET" or "DELETE";
        if (isQueryMethod)
        {
            foreach (var member in shape.Members)
            {
                if (bound.Contains(member))
                {
                    continue;
                }

                if (!member.IsSimple)
                {
                    errors.Add($"{name}: {where} would need a request body for {type.Name}.{member.Property.Name} ({member.Type.Name}), and {route.Method} has none. Fix: make it a simple query value, or expose the request with POST/PUT/PATCH.");
                }
                else if (!member.CanWrite)
                {
                    errors.Add($"{name}: {where} binds the query parameter '{member.JsonName}' to {type.Name}.{member.Property.Name}, which has no public setter. Fix: give it a setter or 'init', or use a positional record.");
                }
            }
        }

        var isUnit = response == typeof(MediatR.Unit);
        var status = route.StatusCode != 0 ? route.StatusCode : isUnit ? 204 : route.Method == "POST" ? 201 : 200;
        if (status is < 200 or > 299)
        {
            errors.Add($"{name}: {where} declares the success status {status}. Fix: use a 2xx status; failures are signalled with Hybrid's exceptions.");
        }
        else if (isUnit && status != 204 && status != 202)
        {
            errors.Add($"{name}: {where} returns nothing (Unit) but declares the status {status}, which needs a body. Fix: use 204 (or 202), or return a value.");
        }

        if (route.Location is not null && status != 201)
        {
            errors.Add($"{name}: {where} declares a Location template but answers {status}. Fix: Location goes with 201.");
        }
        else if (route.Location is not null)
        {
            var responseShape = RequestShape.For(response, shape.Json);
            foreach (Match placeholder in Placeholder().Matches(route.Location))
            {
                var field = placeholder.Value.Trim('{', '}');
                if (responseShape.Find(field) is null && shape.Find(field) is null)
                {
                    errors.Add($"{name}: {where} has the Location placeholder {placeholder.Value}, which names no property of {response.Name} or {type.Name}. Fix: name a property of the response (e.g. its id) or of the request.");
                }
            }
        }

        var key = $"{route.Method} v{route.Version}/{Placeholder().Replace(template, "{}")}";
        if (routeKeys.TryGetValue(key, out var owner) && owner != type)
        {
            errors.Add($"{name}: {where} duplicates the route of {Name(owner)} ({route.Method} v{route.Version}/{template}). Fix: change one template, method or version.");
        }
        else if (!routeKeys.TryAdd(key, type))
        {
            errors.Add($"{name}: {where} is declared twice. Fix: remove one declaration.");
        }

        return errors.Count > before
            ? null
            : new RestRoute(route.Method, template, route.Version, status, route.Location?.Trim('/'), route.Summary);
    }

    private static string Name(Type type) => type.FullName ?? type.Name;
}
