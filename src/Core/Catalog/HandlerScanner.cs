using System.Reflection;
using MediatR;

namespace Hybrid;

/// <summary>Finds every concrete <see cref="IRequestHandler{TRequest,TResponse}"/> in the given assemblies.</summary>
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
                if (contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
                {
                    var arguments = contract.GetGenericArguments();
                    found.Add(new FoundHandler(arguments[0], arguments[1], contract, type));
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

    /// <summary>The <c>TResponse</c> of the request's <see cref="IRequest{TResponse}"/>, or null when it has none or several.</summary>
    public static Type? ResponseTypeOf(Type requestType, out int count)
    {
        var responses = requestType.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();
        count = responses.Count;
        return responses.Count == 1 ? responses[0] : null;
    }
}
