using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Hybrid;

/// <summary>
/// Which members a document marks <c>required</c>: exactly those the doors refuse to go without in
/// a request, and those the serializer always writes in a response.
/// </summary>
internal sealed class RequiredMembers(JsonSerializerOptions json, NullabilityReader nullability)
{
    private readonly Dictionary<Type, object?> _defaults = [];
    private readonly Dictionary<Type, Dictionary<(Module, int), bool>> _constructorParameters = [];

    /// <summary>
    /// True when a request is refused without the member: C# <c>required</c> and <c>[JsonRequired]</c>
    /// (the serializer refuses), <c>[Required]</c> when the value a request starts with fails it (a
    /// <c>[Required]</c> <c>int</c>, or a list initialised to <c>[]</c>, is never missing to the
    /// validator), and, when the app's options respect them, constructor parameters without a default.
    /// </summary>
    public bool IsRequired(RequestMember member)
    {
        if (member.IsRequiredInJson)
        {
            return true;
        }

        if (member.Property.GetCustomAttribute<RequiredAttribute>(inherit: true) is { } required && !required.IsValid(StartingValue(member.Property)))
        {
            return true;
        }

        return json.RespectRequiredConstructorParameters && IsRequiredParameter(member.Property);
    }

    /// <summary>
    /// True when every response carries the member: unless an ignore condition (the property's
    /// <c>[JsonIgnore(Condition = ...)]</c>, else the options' <c>DefaultIgnoreCondition</c>) leaves it
    /// out when it holds its default, or when it is null and may be.
    /// </summary>
    public bool IsAlwaysWritten(RequestMember member)
    {
        var condition = member.Property.GetCustomAttribute<JsonIgnoreAttribute>(inherit: true)?.Condition ?? json.DefaultIgnoreCondition;
        return condition switch
        {
            JsonIgnoreCondition.WhenWritingDefault or JsonIgnoreCondition.WhenWriting => false,
            JsonIgnoreCondition.WhenWritingNull => !nullability.IsNullable(member.Property),
            _ => true,
        };
    }

    /// <summary>The member's value in a request that does not name it: what the type's parameterless constructor leaves there, else the type's default.</summary>
    private object? StartingValue(PropertyInfo property)
    {
        var owner = property.ReflectedType!;
        if (!_defaults.TryGetValue(owner, out var instance))
        {
            try
            {
                instance = owner.GetConstructor(Type.EmptyTypes) is not null && !owner.IsAbstract ? Activator.CreateInstance(owner) : null;
            }
            catch (TargetInvocationException)
            {
                instance = null;
            }

            _defaults[owner] = instance;
        }

        if (instance is not null)
        {
            return property.GetValue(instance);
        }

        return property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null
            ? Activator.CreateInstance(property.PropertyType)
            : null;
    }

    /// <summary>With <c>RespectRequiredConstructorParameters</c>: the member is a constructor parameter the serializer requires.</summary>
    private bool IsRequiredParameter(PropertyInfo property)
    {
        var owner = property.ReflectedType!;
        if (!_constructorParameters.TryGetValue(owner, out var parameters))
        {
            parameters = [];
            try
            {
                if (json.GetTypeInfo(owner) is { Kind: JsonTypeInfoKind.Object } info)
                {
                    foreach (var candidate in info.Properties)
                    {
                        if (candidate.AttributeProvider is PropertyInfo clr && candidate.AssociatedParameter is { } parameter)
                        {
                            parameters[(clr.Module, clr.MetadataToken)] = !parameter.HasDefaultValue && !parameter.IsMemberInitializer;
                        }
                    }
                }
            }
            catch (NotSupportedException)
            {
                // A source-generated context that does not know the type: nothing more is known.
            }

            _constructorParameters[owner] = parameters;
        }

        return parameters.GetValueOrDefault((property.Module, property.MetadataToken));
    }
}
