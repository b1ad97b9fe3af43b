using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Hybrid;

/// <summary>
/// The DataAnnotations the pipeline enforces on a member, stated in its schema exactly as the
/// validator applies them (lengths, ranges, patterns, item counts). Several attributes bounding one
/// length give one keyword, the tightest; bounds of an integer member are written as integers.
/// </summary>
internal static class SchemaAnnotations
{
    /// <summary>Writes the member's rules; <paramref name="jsonType"/> is the schema's <c>type</c> (<c>integer</c>, <c>string</c>...), or null.</summary>
    public static void Write(Utf8JsonWriter writer, PropertyInfo property, bool isArray, string? jsonType)
    {
        int? min = null;
        int? max = null;
        string? pattern = null;
        RangeAttribute? range = null;
        var requiredText = false;
        foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
        {
            switch (attribute)
            {
                case RequiredAttribute { AllowEmptyStrings: false } when jsonType == "string":
                    // DataAnnotations' [Required] refuses "" and white space: at least one character that is not a space.
                    requiredText = true;
                    min = Math.Max(min ?? 0, 1);
                    break;
                case StringLengthAttribute length:
                    max = Math.Min(max ?? int.MaxValue, length.MaximumLength);
                    if (length.MinimumLength > 0)
                    {
                        min = Math.Max(min ?? 0, length.MinimumLength);
                    }

                    break;
                case MaxLengthAttribute maxLength when maxLength.Length > 0:
                    max = Math.Min(max ?? int.MaxValue, maxLength.Length);
                    break;
                case MinLengthAttribute minLength when minLength.Length > 0:
                    min = Math.Max(min ?? 0, minLength.Length);
                    break;
                case RangeAttribute declared:
                    range = declared;
                    break;
                case RegularExpressionAttribute expression:
                    pattern = expression.Pattern;
                    break;
            }
        }

        if (max is { } most)
        {
            writer.WriteNumber(isArray ? "maxItems" : "maxLength", most);
        }

        if (min is { } least)
        {
            writer.WriteNumber(isArray ? "minItems" : "minLength", least);
        }

        if (range is not null)
        {
            WriteBound(writer, "minimum", range.Minimum, jsonType == "integer", up: true, range.MinimumIsExclusive);
            WriteBound(writer, "maximum", range.Maximum, jsonType == "integer", up: false, range.MaximumIsExclusive);
        }

        if (pattern is not null)
        {
            writer.WriteString("pattern", pattern);
        }
        else if (requiredText)
        {
            writer.WriteString("pattern", @"\S");
        }
    }

    private static void WriteBound(Utf8JsonWriter writer, string name, object value, bool integer, bool up, bool exclusive)
    {
        decimal bound;
        try
        {
            bound = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is OverflowException or FormatException or InvalidCastException)
        {
            return; // e.g. double.MaxValue: no bound worth stating.
        }

        if (integer)
        {
            // An integer member can only hold whole numbers: the nearest one inside the bound is the same rule.
            var whole = up ? decimal.Ceiling(bound) : decimal.Floor(bound);
            if (exclusive && whole != bound)
            {
                exclusive = false;
            }

            if (whole is < long.MinValue or > long.MaxValue)
            {
                return;
            }

            writer.WriteNumber(name, (long)whole);
        }
        else
        {
            // decimal keeps the scale it was parsed with ("1.50"): write the number, not its notation.
            writer.WriteNumber(name, bound / 1.000000000000000000000000000000000m);
        }

        if (exclusive)
        {
            writer.WriteBoolean(name == "minimum" ? "exclusiveMinimum" : "exclusiveMaximum", true);
        }
    }
}
