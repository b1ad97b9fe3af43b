using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hybrid;

/// <summary>
/// Builds the operation catalog once, at start-up, from handlers, attributes and code declarations,
/// and refuses an inconsistent one with every problem named by its stable id (docs/errors.md).
/// </summary>
internal static partial class CatalogBuilder
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex ActionIdPattern();

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static OperationCatalog Build(IEnumerable<Assembly> assemblies, HybridOptions options, JsonSerializerOptions json) =>
        Build(assemblies, HandlerScanner.Scan(assemblies), options, json);

    public static OperationCatalog Build(IEnumerable<Assembly> assemblies, IReadOnlyList<FoundHandler> found, HybridOptions options, JsonSerializerOptions json)
    {
        var catalog = Collect(assemblies, found, options, json);
        return catalog.Errors.Count > 0 ? throw new HybridConfigurationException(catalog.Errors) : catalog;
    }

    /// <summary>
    /// Builds the catalog of every operation that passed its checks, keeping the problems of the
    /// others in <see cref="OperationCatalog.Errors"/>: the app maps what it can, and the start-up
    /// check reports these with every other configuration problem, in one report.
    /// </summary>
    public static OperationCatalog Collect(IEnumerable<Assembly> assemblies, IReadOnlyList<FoundHandler> found, HybridOptions options, JsonSerializerOptions json)
    {
        var errors = new List<HybridConfigurationError>();
        if (WireJson.Conflict(json, options) is { } conflict)
        {
            errors.Add(conflict);
        }

        json = WireJson.For(json, options);
        var handlers = new Dictionary<Type, FoundHandler>();
        foreach (var handler in found)
        {
            if (handlers.TryGetValue(handler.RequestType, out var other) && other.ImplementationType != handler.ImplementationType)
            {
                errors.Add(new("HYB001", $"{Name(handler.RequestType)} has two handlers, {Name(other.ImplementationType)} and {Name(handler.ImplementationType)}. Fix: keep one; MediatR sends a request to exactly one handler."));
                continue;
            }

            handlers[handler.RequestType] = handler;
        }

        var declarations = CollectDeclarations(assemblies, options);
        var operations = new List<HybridOperation>();
        var shapes = new Dictionary<Type, RequestShape>();
        var actionIds = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        var routeKeys = new Dictionary<string, (Type Owner, string Template)>(StringComparer.OrdinalIgnoreCase);
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declaration in declarations.Values.OrderBy(d => d.RequestType.FullName, StringComparer.Ordinal))
        {
            var shape = RequestShape.For(declaration.RequestType, json);
            var operation = new OperationCheck(declaration, shape, errors).Run(handlers, actionIds, routeKeys, operationIds);
            if (operation is not null)
            {
                operations.Add(operation);
                shapes.Add(operation.RequestType, shape);
            }
        }

        return new OperationCatalog(operations, shapes, json, options) { Errors = errors };
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
                foreach (var version in route.Versions is { Length: > 0 } versions ? versions : [route.Version])
                {
                    declaration.Routes.Add(new RouteDeclaration(route.Method, route.Template, version, route.StatusCode, route.Location, route.Summary, "attribute")
                    {
                        Deprecated = route.Deprecated,
                        Sunset = route.Sunset,
                        Successor = route.Successor,
                    });
                }
            }

            declarations.Add(type, declaration);
        }

        foreach (var (type, code) in options.CodeDeclarations)
        {
            if (declarations.TryGetValue(type, out var declaration))
            {
                declaration.Merge(code);
            }
            else
            {
                declarations.Add(type, code);
            }
        }

        return declarations;
    }

    /// <summary>The checks of one declaration; each problem is added to the shared list with its id.</summary>
    private sealed partial class OperationCheck(OperationDeclaration declaration, RequestShape shape, List<HybridConfigurationError> errors)
    {
        private readonly Type _type = declaration.RequestType;
        private readonly string _name = Name(declaration.RequestType);

        public HybridOperation? Run(Dictionary<Type, FoundHandler> handlers, Dictionary<string, Type> actionIds, Dictionary<string, (Type Owner, string Template)> routeKeys, HashSet<string> operationIds)
        {
            var before = errors.Count;
            var response = HandlerScanner.ResponseTypeOf(_type, out var responseCount);
            if (response is null && HandlerScanner.IsStreamRequest(_type))
            {
                Add("HYB096", $"{_name} is a stream request (IStreamRequest<T>), which no door serves yet. Fix: leave it unexposed and call it in-process, or expose a request (IRequest<T>) that returns the collected items.");
                return null;
            }

            if (response is null)
            {
                Add("HYB002", responseCount == 0
                    ? $"{_name} is exposed but does not implement MediatR's IRequest<TResponse>. Fix: declare it as 'record {_type.Name}(...) : IRequest<TResponse>', or ': IRequest' for no result."
                    : $"{_name} implements IRequest<TResponse> (or IRequest) more than once. Fix: give each exposed request type exactly one response type.");
                return null;
            }

            if (!_type.IsClass || _type.IsAbstract || _type.ContainsGenericParameters)
            {
                Add("HYB003", $"{_name} is exposed but is not a concrete, non-generic class. Fix: expose a concrete class or record (not a struct, interface or open generic).");
                return null;
            }

            if (!handlers.TryGetValue(_type, out var handler))
            {
                Add("HYB004", $"{_name} is exposed but no {(response == typeof(MediatR.Unit) && !typeof(MediatR.IRequest<MediatR.Unit>).IsAssignableFrom(_type) ? $"IRequestHandler<{_type.Name}>" : $"IRequestHandler<{_type.Name}, {response.Name}>")} was found in the scanned assemblies. Fix: add a handler, or pass its assembly to AddHybrid(...).");
            }

            CheckMembers();
            var actionId = declaration.IsAction ? CheckActionId(actionIds) : null;
            if (!declaration.IsAction && declaration.Conventions.Any(HybridDoors.Action))
            {
                Add("HYB022", $"{_name} declares conventions for the action door (op.Action()) but is not an action. Fix: expose it with AsAction() or [Action], or move the conventions to op.Rest() or op itself.");
            }

            if (declaration.Routes.Count == 0 && declaration.Conventions.Any(HybridDoors.Rest))
            {
                Add("HYB022", $"{_name} declares conventions for the REST door (op.Rest()) but has no REST route. Fix: declare a route, or move the conventions to op.Action() or op itself.");
            }

            if (declaration.Routes.Count > 0)
            {
                CheckHeaderMembers();
            }

            var routes = new List<RestRoute>();
            foreach (var declared in declaration.Routes)
            {
                var route = declared;
                foreach (var (version, since, sunset, successor) in declaration.Deprecations)
                {
                    if (route.Version == version && route.Deprecated is null)
                    {
                        route = route with { Deprecated = Iso(since), Sunset = sunset is { } end ? Iso(end) : null, Successor = successor };
                    }
                }

                if (CheckRoute(response, route, routeKeys, operationIds) is { } checkedRoute)
                {
                    routes.Add(checkedRoute);
                }
            }

            foreach (var (version, _, _, _) in declaration.Deprecations)
            {
                if (!declaration.Routes.Any(r => r.Version == version))
                {
                    Add("HYB024", $"{_name} deprecates version {version} in code (Deprecate) but has no route in that version. Fix: deprecate a version the operation is exposed in.");
                }
            }

            if (handler is null)
            {
                return null;
            }

            var metadata = OperationMetadata.Collect(_type, handler.ImplementationType).Concat(declaration.Problems).ToList();
            var problems = metadata.OfType<ProducesProblemAttribute>().ToList();
            CheckProblems(problems);
            CheckRetriesAndWebhooks(metadata, routes, declaration.IsAction);
            CheckCaching(metadata, response, routes);
            return errors.Count > before
                ? null
                : new HybridOperation(_type, response, handler.ImplementationType, actionId, declaration.Summary, routes, metadata, declaration.Conventions) { Problems = problems };
        }

        private void Add(string id, string message) => errors.Add(new HybridConfigurationError(id, message));

        /// <summary>Members a door could not create from JSON or a form (an interface such as IFormFile) are refused now, not with a 500 later.</summary>
        private void CheckMembers()
        {
            foreach (var member in shape.Members)
            {
                var type = Nullable.GetUnderlyingType(member.Type) ?? member.Type;
                if (member.CanWrite && (type.IsInterface || type.IsAbstract) && !SimpleTypes.IsCollection(type) && !shape.IsPolymorphic(type))
                {
                    Add("HYB021", $"{_name}.{member.Property.Name} is of type {type.Name}, an interface or abstract class, which neither JSON nor a form can create. Fix: use a concrete type (a record or class), or declare its derived types with [JsonPolymorphic]/[JsonDerivedType].");
                }
            }
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

        private string? CheckActionId(Dictionary<string, Type> actionIds)
        {
            var actionId = declaration.ActionId ?? _type.Name;
            if (!ActionIdPattern().IsMatch(actionId))
            {
                Add("HYB005", $"{_name} has the action id '{actionId}', which is not a valid id. Fix: use letters, digits, '_', '.' and '-', starting with a letter or digit, at most 128 characters.");
            }
            else if (actionIds.TryGetValue(actionId, out var owner))
            {
                Add("HYB006", $"{_name} and {Name(owner)} both use the action id '{actionId}'. Fix: give one of them another id with [Action(\"...\")] or AsAction(\"...\").");
            }
            else
            {
                actionIds.Add(actionId, _type);
            }

            return actionId;
        }
    }

    private static string Name(Type type) => type.FullName ?? type.Name;
}
