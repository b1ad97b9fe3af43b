using System.Reflection;

namespace Hybrid;

/// <summary>
/// Whether a property's own type is a nullable reference (<c>string?</c>), read from the attributes
/// the C# compiler emits: the property's <c>NullableAttribute</c>, else the nearest
/// <c>NullableContextAttribute</c> of its declaring types. Only the top level is read, which is all
/// a schema states, and each type's context is read once. <see cref="NullabilityInfoContext"/>
/// answers the same question but allocates a full tree per property (about 2 KB), which at 1,000
/// operations was a third of what building a document allocated.
/// </summary>
internal sealed class NullabilityReader
{
    private const string NullableName = "System.Runtime.CompilerServices.NullableAttribute";
    private const string ContextName = "System.Runtime.CompilerServices.NullableContextAttribute";
    private readonly Dictionary<Type, byte> _contexts = [];
    private readonly Dictionary<Assembly, (Type? Nullable, FieldInfo? Flags, Type? Context, FieldInfo? Flag)> _attributes = [];

    /// <summary>True for a <see cref="Nullable{T}"/> or an annotated reference type.</summary>
    public bool IsNullable(PropertyInfo property)
    {
        var type = property.PropertyType;
        if (type.IsValueType)
        {
            return Nullable.GetUnderlyingType(type) is not null;
        }

        if (type.IsGenericParameter)
        {
            return false; // Decided by the type argument, which the schema of the argument states.
        }

        var attributes = AttributesOf(property.Module.Assembly);
        if (attributes.Nullable is not null &&
            property.GetCustomAttributes(attributes.Nullable, inherit: false) is [var nullable, ..] &&
            attributes.Flags?.GetValue(nullable) is byte[] { Length: > 0 } flags)
        {
            return flags[0] == 2;
        }

        return ContextOf(property.DeclaringType, attributes) == 2;
    }

    private byte ContextOf(Type? type, (Type? Nullable, FieldInfo? Flags, Type? Context, FieldInfo? Flag) attributes)
    {
        if (type is null || attributes.Context is null)
        {
            return 0;
        }

        if (!_contexts.TryGetValue(type, out var flag))
        {
            flag = type.GetCustomAttributes(attributes.Context, inherit: false) is [var context, ..] && attributes.Flag?.GetValue(context) is byte value
                ? value
                : ContextOf(type.DeclaringType, attributes);
            _contexts[type] = flag;
        }

        return flag;
    }

    private (Type? Nullable, FieldInfo? Flags, Type? Context, FieldInfo? Flag) AttributesOf(Assembly assembly)
    {
        if (!_attributes.TryGetValue(assembly, out var found))
        {
            // A compilation embeds its own copies unless the framework it targets has them (.NET 10's
            // are public in CoreLib), so an assembly uses one or the other.
            var nullable = assembly.GetType(NullableName, throwOnError: false) ?? typeof(object).Assembly.GetType(NullableName, throwOnError: false);
            var context = assembly.GetType(ContextName, throwOnError: false) ?? typeof(object).Assembly.GetType(ContextName, throwOnError: false);
            found = (nullable, nullable?.GetField("NullableFlags"), context, context?.GetField("Flag"));
            _attributes[assembly] = found;
        }

        return found;
    }
}
