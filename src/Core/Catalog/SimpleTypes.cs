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

    /// <summary>True for collection and dictionary types, interfaces included, which System.Text.Json creates itself.</summary>
    public static bool IsCollection(Type type) => type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type);
}
