namespace Hybrid;

/// <summary>
/// What <see cref="ObjectValidator"/> looks into and checks beside the attributes: the user types a
/// member holds (validated in turn; values and framework types are not), and floating-point
/// members, which must be finite.
/// </summary>
internal static class ValidatedTypes
{
    /// <summary>The user type a member holds, directly or as collection items; null for values and framework types.</summary>
    public static (Type? Type, bool IsCollection) NestedTypeOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (SimpleTypes.IsSimple(type))
        {
            return (null, false);
        }

        if (type.IsArray)
        {
            return (IsUserType(type.GetElementType()!) ? type.GetElementType() : null, true);
        }

        if (SimpleTypes.IsCollection(type))
        {
            var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                ? type
                : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
            var item = enumerable?.GetGenericArguments()[0];
            return item is not null && IsUserType(item) && !IsKeyValuePair(item) ? (item, true) : (null, false);
        }

        return IsUserType(type) ? (type, false) : (null, false);
    }

    private static bool IsUserType(Type type) =>
        !SimpleTypes.IsSimple(type) && !type.IsPrimitive && !(type.Namespace ?? string.Empty).StartsWith("System", StringComparison.Ordinal) && !type.IsInterface;

    private static bool IsKeyValuePair(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>);

    public static bool IsFloatingPoint(Type type) => type == typeof(double) || type == typeof(float) || type == typeof(Half);

    /// <summary>
    /// An implicit rule beside the enum one: a number too large for its type (<c>1e400</c> for a
    /// <c>double</c>) reads as infinity, on every door, so the handler would get a value no client
    /// sent. Unless the app's JSON options take <c>NaN</c> and <c>Infinity</c> on purpose
    /// (<c>AllowNamedFloatingPointLiterals</c>), a floating-point member must be finite.
    /// </summary>
    public static bool IsFinite(object value) => value switch
    {
        double d => double.IsFinite(d),
        float f => float.IsFinite(f),
        Half h => Half.IsFinite(h),
        _ => true,
    };
}
