using System.Reflection;

namespace Hybrid.Http;

/// <summary>Sets one request property from a route value or query string, typed, with no reflection per request.</summary>
/// <typeparam name="TRequest">The request type.</typeparam>
internal abstract class MemberBinder<TRequest>
{
    protected MemberBinder(RequestMember member) => Member = member;

    public RequestMember Member { get; }

    public string Name => Member.JsonName;

    /// <summary>Parses and sets; false when the text is not a valid value of the property's type.</summary>
    public abstract bool TryBind(TRequest request, string text);

    public static MemberBinder<TRequest> Create(RequestMember member)
    {
        var type = typeof(MemberBinder<,>).MakeGenericType(typeof(TRequest), member.Type);
        return (MemberBinder<TRequest>)Activator.CreateInstance(type, BindingFlags.Public | BindingFlags.Instance, null, [member], null)!;
    }
}

/// <summary>The typed binder of one property.</summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TValue">The property type.</typeparam>
internal sealed class MemberBinder<TRequest, TValue> : MemberBinder<TRequest>
{
    private readonly TryParser<TValue> _parse;
    private readonly Action<TRequest, TValue> _set;

    public MemberBinder(RequestMember member)
        : base(member)
    {
        _parse = ValueParsers.For<TValue>();
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
