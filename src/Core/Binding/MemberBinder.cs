using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace Hybrid;

/// <summary>
/// Sets one request property from a single string (route, query, header), or a collection
/// property from every value of a repeated query parameter, typed, with no reflection per request.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
internal abstract class MemberBinder<TRequest>
{
    protected MemberBinder(RequestMember member) => Member = member;

    public RequestMember Member { get; }

    public string Name => Member.JsonName;

    /// <summary>Parses and sets; false when the text is not a valid value of the property's type.</summary>
    public abstract bool TryBind(TRequest request, string text);

    /// <summary>True when the member is a collection that takes every value of a repeated parameter.</summary>
    public virtual bool TakesMany => false;

    /// <summary>The field error for <paramref name="values"/>, which did not parse (<see cref="FieldMessages"/>).</summary>
    public virtual string InvalidMessage(StringValues values) => FieldMessages.ForText(Name, ValueType, values.Count > 0 ? values[0] : null);

    /// <summary>The type one value is parsed into: the property's, or its elements'.</summary>
    protected virtual Type ValueType => Member.Type;

    /// <summary>Parses every value and sets the collection; false when one does not parse. Only for <see cref="TakesMany"/>.</summary>
    public virtual bool TryBindAll(TRequest request, StringValues values) => throw new NotSupportedException("The member takes one value.");

    public static MemberBinder<TRequest> Create(RequestMember member, JsonSerializerOptions json)
    {
        var type = SimpleTypes.ElementOf(member.Type) is { } element
            ? typeof(CollectionBinder<,,>).MakeGenericType(typeof(TRequest), member.Type, element)
            : typeof(MemberBinder<,>).MakeGenericType(typeof(TRequest), member.Type);
        return (MemberBinder<TRequest>)Activator.CreateInstance(type, BindingFlags.Public | BindingFlags.Instance, null, [member, json], null)!;
    }
}

/// <summary>The typed binder of one property.</summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TValue">The property type.</typeparam>
internal sealed class MemberBinder<TRequest, TValue> : MemberBinder<TRequest>
{
    private readonly TryParser<TValue> _parse;
    private readonly Action<TRequest, TValue> _set;

    public MemberBinder(RequestMember member, JsonSerializerOptions json)
        : base(member)
    {
        _parse = ValueParsers.For<TValue>(json);
        _set = Accessors.Setter<TRequest, TValue>(member.Property);
    }

    public override bool TryBind(TRequest request, string text)
    {
        if (!_parse(text, out var value))
        {
            return false;
        }

        _set(request, value);
        return true;
    }
}
