namespace Hybrid;

/// <summary>Types a single string can carry: route values, query parameters, form fields.</summary>
internal static class SimpleTypes
{
    public static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsEnum)
        {
            return true;
        }

        foreach (var candidate in type.GetInterfaces())
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(ISpanParsable<>) && candidate.GetGenericArguments()[0] == type)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The element type of a collection a repeated query parameter can fill (<c>T[]</c>,
    /// <c>List&lt;T&gt;</c>, or an interface <c>List&lt;T&gt;</c> implements, such as
    /// <c>IReadOnlyList&lt;T&gt;</c>) when its elements are simple; otherwise null.
    /// </summary>
    public static Type? ElementOf(Type type)
    {
        Type? element = null;
        if (type.IsArray && type.GetArrayRank() == 1)
        {
            element = type.GetElementType();
        }
        else if (type.IsGenericType && type.GetGenericArguments() is [var argument] &&
            (type.GetGenericTypeDefinition() == typeof(List<>) || (type.IsInterface && type.IsAssignableFrom(typeof(List<>).MakeGenericType(argument)))))
        {
            element = argument;
        }

        return element is not null && IsSimple(element) ? element : null;
    }

    /// <summary>True for collection and dictionary types, interfaces included, which System.Text.Json creates itself.</summary>
    public static bool IsCollection(Type type) => type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type);
}
