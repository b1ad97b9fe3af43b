using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Hybrid.Actions;

/// <summary>
/// Turns HTML form fields into the request object. Each field named like a request property (its
/// JSON name, or its C# name) is parsed by Core's one value parser into the property's type, and a
/// failure is a field error keyed by the JSON name, as on the REST door; the typed values then go
/// through the app's serializer, so constructors, <c>required</c> members and converters apply as
/// for a JSON body. A complex member takes a field holding JSON. Fields that name no property are
/// ignored; an unchecked checkbox sends nothing and leaves a <c>bool</c> false.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
internal sealed class FormBinder<TRequest>
    where TRequest : class
{
    private readonly FieldReader[] _fields;
    private readonly JsonTypeInfo<TRequest> _info;

    public FormBinder(RequestShape shape, JsonTypeInfo<TRequest> info)
    {
        _info = info;
        _fields = [.. shape.Members.Select(m => FieldReader.Create(m, shape.Json))];
    }

    /// <summary>The request, or null with the problem naming every malformed field.</summary>
    public TRequest? Bind(IFormCollection form, out OperationProblem? problem)
    {
        problem = null;
        Dictionary<string, string[]>? errors = null;
        var json = new JsonObject();
        foreach (var field in _fields)
        {
            if (!TryGetField(form, field.Member, out var raw))
            {
                continue;
            }

            if (field.TryRead(raw, out var node))
            {
                json[field.Member.JsonName] = node;
            }
            else
            {
                (errors ??= new(StringComparer.Ordinal))[field.Member.JsonName] = [field.InvalidMessage];
            }
        }

        if (errors is not null)
        {
            problem = OperationProblem.Validation(errors);
            return null;
        }

        return json.Deserialize(_info);
    }

    private static bool TryGetField(IFormCollection form, RequestMember member, out string value)
    {
        if (form.TryGetValue(member.JsonName, out var values) || form.TryGetValue(member.Property.Name, out values))
        {
            value = values.Count > 0 ? values[^1] ?? string.Empty : string.Empty;
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Reads one field into the JSON value of its member.</summary>
    private abstract class FieldReader(RequestMember member)
    {
        public RequestMember Member { get; } = member;

        public string InvalidMessage => ValueParsers.InvalidMessage(Member.JsonName, Member.Type);

        public abstract bool TryRead(string raw, out JsonNode? node);

        public static FieldReader Create(RequestMember member, JsonSerializerOptions json) =>
            member.IsSimple
                ? (FieldReader)Activator.CreateInstance(typeof(SimpleField<>).MakeGenericType(typeof(TRequest), member.Type), member, json)!
                : new JsonField(member);
    }

    private sealed class SimpleField<TValue>(RequestMember member, JsonSerializerOptions json) : FieldReader(member)
    {
        private readonly TryParser<TValue> _parse = ValueParsers.For<TValue>(json);
        private readonly JsonTypeInfo<TValue> _info = (JsonTypeInfo<TValue>)json.GetTypeInfo(typeof(TValue));

        public override bool TryRead(string raw, out JsonNode? node)
        {
            node = null;
            if (!_parse(raw, out var value))
            {
                return false;
            }

            node = JsonSerializer.SerializeToNode(value, _info);
            return true;
        }
    }

    private sealed class JsonField(RequestMember member) : FieldReader(member)
    {
        public override bool TryRead(string raw, out JsonNode? node)
        {
            node = null;
            if (raw.Length == 0)
            {
                return true;
            }

            try
            {
                node = JsonNode.Parse(raw);
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
