using System.Reflection;
using System.Text.Json;

namespace Hybrid;

/// <summary>Sets one request property from a single string (route, query, header), typed, with no reflection per request.</summary>
/// <typeparam name="TRequest">The request type.</typeparam>
internal abstract class MemberBinder<TRequest>
{
    protected MemberBinder(RequestMember member) => Member = member;

    public RequestMember Member { get; }

    public string Name => Member.JsonName;

    /// <summary>Parses and sets; false when the text is not a valid value of the property's type.</summary>
    public abstract bool TryBind(TRequest request, string text);

    /// <summary>The field error for a value that did not parse.</summary>
    public string InvalidMessage => ValueParsers.InvalidMessage(Name, Member.Type);

    public static MemberBinder<TRequest> Create(RequestMember member, JsonSerializerOptions json)
    {
        var type = typeof(MemberBinder<,>).MakeGenericType(typeof(TRequest), member.Type);
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
