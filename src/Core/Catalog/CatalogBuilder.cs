using System.Reflection;
using System.Text.Json;

namespace Hybrid;

/// <summary>
/// Builds the operation catalog once, at start-up, from handlers, attributes and code declarations,
/// and refuses an inconsistent one with every problem named by its stable id (docs/errors.md).
/// </summary>
internal static partial class CatalogBuilder
{
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
        foreach (var declaration in declarations.Values.OrderBy(d => d.RequestType.FullName, StringComparer.Ordinal))
        {
            var shape = RequestShape.For(declaration.RequestType, json);
            var operation = new OperationCheck(declaration, shape, errors).Run(handlers);
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
            var declared = type.GetCustomAttributes(inherit: false).OfType<IDoorDeclaration>().ToList();
            if (declared.Count == 0)
            {
                continue;
            }

            var declaration = new OperationDeclaration(type);
            declaration.Declarations.AddRange(declared);
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

        public HybridOperation? Run(Dictionary<Type, FoundHandler> handlers)
        {
            var before = errors.Count;
            var response = HandlerScanner.ResponseTypeOf(_type, out var responseCount);
            if (response is null)
            {
                Add("HYB002", responseCount == 0
                    ? $"{_name} is exposed but does not implement MediatR's IRequest<TResponse> or IStreamRequest<TItem>. Fix: declare it as 'record {_type.Name}(...) : IRequest<TResponse>', ': IRequest' for no result, or ': IStreamRequest<TItem>' for a stream."
                    : $"{_name} implements IRequest<TResponse>, IRequest or IStreamRequest<TItem> more than once. Fix: give each exposed request type exactly one response type.");
                return null;
            }

            if (!_type.IsClass || _type.IsAbstract || _type.ContainsGenericParameters)
            {
                Add("HYB003", $"{_name} is exposed but is not a concrete, non-generic class. Fix: expose a concrete class or record (not a struct, interface or open generic).");
                return null;
            }

            if (!handlers.TryGetValue(_type, out var handler))
            {
                Add("HYB004", $"{_name} is exposed but no {HandlerName(response)} was found in the scanned assemblies. Fix: add a handler, or pass its assembly to AddHybrid(...).");
            }

            CheckMembers();
            var doors = declaration.Declarations.Select(d => d.Door).ToHashSet(StringComparer.Ordinal);
            foreach (var door in declaration.Conventions.Doors.Where(d => !doors.Contains(d)))
            {
                Add("HYB022", $"{_name} declares conventions for the {door} door but is not exposed there. Fix: expose it on that door, or move the conventions to another door or to op itself.");
            }

            if (handler is null)
            {
                return null;
            }

            var metadata = OperationMetadata.Collect(_type, handler.ImplementationType).Concat(declaration.Problems).ToList();
            var problems = metadata.OfType<ProducesProblemAttribute>().ToList();
            CheckProblems(problems);
            CheckCaching(metadata, response);
            return errors.Count > before
                ? null
                : new HybridOperation(_type, response, handler.ImplementationType, declaration.Declarations, metadata, declaration.Conventions) { Problems = problems };
        }

        private string HandlerName(Type response) =>
            HandlerScanner.ItemTypeOf(response) is { } item ? $"IStreamRequestHandler<{_type.Name}, {item.Name}>"
            : response == typeof(MediatR.Unit) && !typeof(MediatR.IRequest<MediatR.Unit>).IsAssignableFrom(_type) ? $"IRequestHandler<{_type.Name}>"
            : $"IRequestHandler<{_type.Name}, {response.Name}>";

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
    }

    private static string Name(Type type) => type.FullName ?? type.Name;
}
