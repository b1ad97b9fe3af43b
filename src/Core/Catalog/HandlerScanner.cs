using System.Reflection;
using MediatR;

namespace Hybrid;

/// <summary>
/// Finds every concrete MediatR request handler in the given assemblies: <see cref="IRequestHandler{TRequest,TResponse}"/>
/// and, for requests without a result, <see cref="IRequestHandler{TRequest}"/> (recorded with <see cref="Unit"/>
/// as its response, the type MediatR's behaviours see for such a request), and
/// <see cref="IStreamRequestHandler{TRequest,TResponse}"/> (recorded with
/// <see cref="IAsyncEnumerable{T}"/> of its item as its response).
/// </summary>
internal static class HandlerScanner
{
    public static List<FoundHandler> Scan(IEnumerable<Assembly> assemblies)
    {
        var found = new List<FoundHandler>();
        foreach (var type in assemblies.Distinct().SelectMany(LoadableTypes))
        {
            if (!type.IsClass || type.IsAbstract || type.ContainsGenericParameters)
            {
                continue;
            }

            foreach (var contract in type.GetInterfaces())
            {
                if (!contract.IsGenericType)
                {
                    continue;
                }

                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>))
                {
                    var arguments = contract.GetGenericArguments();
                    found.Add(new FoundHandler(arguments[0], arguments[1], contract, type));
                }
                else if (definition == typeof(IRequestHandler<>))
                {
                    found.Add(new FoundHandler(contract.GetGenericArguments()[0], typeof(Unit), contract, type));
                }
                else if (definition == typeof(IStreamRequestHandler<,>))
                {
                    var arguments = contract.GetGenericArguments();
                    found.Add(new FoundHandler(arguments[0], typeof(IAsyncEnumerable<>).MakeGenericType(arguments[1]), contract, type));
                }
            }
        }

        return found;
    }

    public static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.Where(t => t is not null)!;
        }
    }

    /// <summary>
    /// The <c>TResponse</c> of the request's <see cref="IRequest{TResponse}"/>, <see cref="Unit"/> for a
    /// request that implements only <see cref="IRequest"/>, <see cref="IAsyncEnumerable{T}"/> of the item
    /// of a <see cref="IStreamRequest{TResponse}"/>, or null when it has none or several.
    /// </summary>
    public static Type? ResponseTypeOf(Type requestType, out int count)
    {
        var responses = requestType.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
            .Select(i => i.GetGenericArguments()[0])
            .Concat(requestType.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStreamRequest<>))
                .Select(i => typeof(IAsyncEnumerable<>).MakeGenericType(i.GetGenericArguments()[0])))
            .ToList();
        if (typeof(IRequest).IsAssignableFrom(requestType))
        {
            responses.Add(typeof(Unit));
        }

        count = responses.Count;
        return responses.Count == 1 ? responses[0] : null;
    }

    /// <summary>The item type of a stream operation's response (<see cref="IAsyncEnumerable{T}"/>), else null.</summary>
    public static Type? ItemTypeOf(Type responseType) =>
        responseType.IsGenericType && responseType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>) ? responseType.GetGenericArguments()[0] : null;

}
