using System.Reflection;

namespace Hybrid;

/// <summary>
/// Typed delegates over property accessors, made once at start-up so that the hot path calls a
/// delegate instead of reflecting.
/// </summary>
internal static class Accessors
{
    private static readonly MethodInfo BoxedGetterMethod = typeof(Accessors).GetMethod(nameof(BoxedGetterOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>A getter that boxes the value; for validation and templates, where the value is used as an object anyway.</summary>
    public static Func<T, object?> BoxedGetter<T>(PropertyInfo property) =>
        (Func<T, object?>)BoxedGetterMethod.MakeGenericMethod(typeof(T), property.PropertyType).Invoke(null, [property])!;

    /// <summary>A getter over an untyped instance of the property's declaring type, for walking object graphs.</summary>
    public static Func<object, object?> ObjectGetter(PropertyInfo property)
    {
        var method = typeof(Accessors).GetMethod(nameof(ObjectGetterOf), BindingFlags.NonPublic | BindingFlags.Static)!;
        return (Func<object, object?>)method.MakeGenericMethod(property.ReflectedType!, property.PropertyType).Invoke(null, [property])!;
    }

    /// <summary>A typed setter for a public (or init-only) setter of a class.</summary>
    public static Action<T, TValue> Setter<T, TValue>(PropertyInfo property) =>
        property.SetMethod!.CreateDelegate<Action<T, TValue>>();

    private static Func<T, object?> BoxedGetterOf<T, TValue>(PropertyInfo property)
    {
        var getter = property.GetMethod!.CreateDelegate<Func<T, TValue>>();
        return instance => getter(instance);
    }

    private static Func<object, object?> ObjectGetterOf<T, TValue>(PropertyInfo property)
    {
        if (typeof(T).IsValueType)
        {
            return instance => property.GetValue(instance); // Structs in a graph are rare; no open delegate binds to a boxed one.
        }

        var getter = property.GetMethod!.CreateDelegate<Func<T, TValue>>();
        return instance => getter((T)instance);
    }
}
