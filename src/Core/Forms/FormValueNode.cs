using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace Hybrid.Forms;

/// <summary>
/// One field's value: a simple value for the value parser, or, for a member a form can also post
/// by parts, a value holding JSON. <paramref name="emptyIsNull"/>: an empty field is null, as
/// MVC's <c>ConvertEmptyStringToNull</c> makes it for a member that takes null (<see cref="RequestMember.TakesEmptyAsNull"/>).
/// </summary>
internal sealed class FormValueNode(FormSlot slot, StringValues values, string posted, string memberName, bool emptyIsNull) : FormNode
{
    public override bool TryWrite(BindingErrors errors, string path, out JsonNode? json)
    {
        json = null;
        if (!TrySingle(out var raw))
        {
            errors.Add(posted, $"'{posted}' takes one value, and {values.Count} were posted.");
            return false;
        }

        if (raw.Length == 0 && (emptyIsNull || slot.Kind != FormSlotKind.Value))
        {
            return true;
        }

        if (slot.Kind == FormSlotKind.Value)
        {
            if (slot.Reader!.TryRead(raw, out json))
            {
                return true;
            }
        }
        else
        {
            try
            {
                json = JsonNode.Parse(raw);
                return true;
            }
            catch (JsonException)
            {
                errors.Add(posted, $"The value of '{memberName}' is not valid JSON.");
                return false;
            }
        }

        errors.Add(posted, FieldMessages.ForText(memberName, slot.Type, raw));
        return false;
    }

    /// <summary>
    /// The one value. Two values are one only for a checkbox followed (or preceded) by its hidden
    /// <c>false</c> field, as ASP.NET Core's checkbox helper renders them: the checkbox decides.
    /// </summary>
    private bool TrySingle(out string raw)
    {
        raw = values.Count == 0 ? string.Empty : values[0] ?? string.Empty;
        if (values.Count <= 1)
        {
            return true;
        }

        if (values.Count == 2 && slot.IsBoolean)
        {
            if (string.Equals(values[1], "false", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(values[0], "false", StringComparison.OrdinalIgnoreCase))
            {
                raw = values[1] ?? string.Empty;
                return true;
            }
        }

        return false;
    }
}
