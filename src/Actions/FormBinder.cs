using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Hybrid.Actions;

/// <summary>
/// Turns HTML form fields into the request object: each field named like a request property
/// (its JSON name) becomes a JSON value of the property's kind, then the app's serializer builds
/// the request, so forms and JSON bind the same way. Fields that name no property are ignored.
/// </summary>
internal sealed class FormBinder
{
    private readonly (RequestMember Member, Kind Kind)[] _members;

    public FormBinder(RequestShape shape)
    {
        _members = [.. shape.Members.Select(m => (m, KindOf(m.Type)))];
    }

    private enum Kind
    {
        String,
        Number,
        Boolean,
        Json,
    }

    public JsonObject ToJson(IFormCollection form, out Dictionary<string, string[]>? errors)
    {
        errors = null;
        var json = new JsonObject();
        foreach (var (member, kind) in _members)
        {
            if (!TryGetField(form, member, out var raw))
            {
                continue;
            }

            switch (kind)
            {
                case Kind.String:
                    json[member.JsonName] = raw;
                    break;
                case Kind.Number when raw.Length == 0 && Nullable.GetUnderlyingType(member.Type) is not null:
                    json[member.JsonName] = null;
                    break;
                case Kind.Number when decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                    json[member.JsonName] = number;
                    break;
                case Kind.Boolean:
                    json[member.JsonName] = raw is "on" or "true" or "True" or "1";
                    break;
                case Kind.Json:
                    try
                    {
                        json[member.JsonName] = raw.Length == 0 ? null : JsonNode.Parse(raw);
                    }
                    catch (JsonException)
                    {
                        json[member.JsonName] = raw;
                    }

                    break;
                default:
                    errors ??= [];
                    errors[member.JsonName] = [$"The value '{raw}' is not a valid number."];
                    break;
            }
        }

        return json;
    }

    private static bool TryGetField(IFormCollection form, RequestMember member, out string value)
    {
        if (form.TryGetValue(member.JsonName, out var values) || form.TryGetValue(member.Property.Name, out values))
        {
            value = values.Count > 0 ? values[^1] ?? string.Empty : string.Empty;
            return true;
        }

        if (member.Type == typeof(bool))
        {
            value = "false"; // An unchecked checkbox sends nothing.
            return true;
        }

        value = string.Empty;
        return false;
    }

    private static Kind KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(bool))
        {
            return Kind.Boolean;
        }

        if (type == typeof(byte) || type == typeof(sbyte) || type == typeof(short) || type == typeof(ushort) ||
            type == typeof(int) || type == typeof(uint) || type == typeof(long) || type == typeof(ulong) ||
            type == typeof(float) || type == typeof(double) || type == typeof(decimal))
        {
            return Kind.Number;
        }

        return SimpleTypes.IsSimple(type) ? Kind.String : Kind.Json;
    }
}
