using System.Reflection;
using MediatR;

namespace Hybrid;

/// <summary>
/// Finds every concrete MediatR request handler in the given assemblies: <see cref="IRequestHandler{TRequest,TResponse}"/>
/// and, for requests without a result, <see cref="IRequestHandler{TRequest}"/> (recorded with <see cref="Unit"/>
/// as its response, the type MediatR's behaviours see for such a request).
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
    /// request that implements only <see cref="IRequest"/>, or null when it has none or several.
    /// </summary>
    public static Type? ResponseTypeOf(Type requestType, out int count)
    {
        var responses = requestType.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();
        if (typeof(IRequest).IsAssignableFrom(requestType))
        {
            responses.Add(typeof(Unit));
        }

        count = responses.Count;
        return responses.Count == 1 ? responses[0] : null;
    }

    /// <summary>True for a MediatR stream request (<see cref="IStreamRequest{TResponse}"/>).</summary>
    public static bool IsStreamRequest(Type requestType) =>
        requestType.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStreamRequest<>));
}
