using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace Hybrid;

/// <summary>
/// The binder of a collection member (<c>tag=a&amp;tag=b</c>): each value parsed by the element
/// type's one parser, the collection set only when every value parses.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TCollection">The property type: an array, <c>List&lt;T&gt;</c>, or an interface <c>List&lt;T&gt;</c> implements.</typeparam>
/// <typeparam name="TElement">The element type.</typeparam>
internal sealed class CollectionBinder<TRequest, TCollection, TElement> : MemberBinder<TRequest>
{
    private readonly TryParser<TElement> _parse;
    private readonly Action<TRequest, TCollection> _set;

    public CollectionBinder(RequestMember member, JsonSerializerOptions json)
        : base(member)
    {
        _parse = ValueParsers.For<TElement>(json);
        _set = Accessors.Setter<TRequest, TCollection>(member.Property);
    }

    public override bool TakesMany => true;

    protected override Type ValueType => typeof(TElement);

    public override bool TryBind(TRequest request, string text) => TryBindAll(request, new StringValues(text));

    /// <summary>The message of the first value that does not parse: an item too large for its type says the range.</summary>
    public override string InvalidMessage(StringValues values)
    {
        foreach (var value in values)
        {
            if (!_parse(value ?? string.Empty, out _))
            {
                return FieldMessages.ForText(Name, ValueType, value);
            }
        }

        return FieldMessages.Invalid(Name, ValueType);
    }

    public override bool TryBindAll(TRequest request, StringValues values)
    {
        var items = new TElement[values.Count];
        for (var i = 0; i < items.Length; i++)
        {
            if (!_parse(values[i] ?? string.Empty, out items[i]))
            {
                return false;
            }
        }

        _set(request, typeof(TCollection).IsArray ? (TCollection)(object)items : (TCollection)(object)new List<TElement>(items));
        return true;
    }
}
