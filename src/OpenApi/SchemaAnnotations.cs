using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Hybrid;

/// <summary>The DataAnnotations the pipeline enforces on a member, stated in its schema too (lengths, ranges, patterns, item counts).</summary>
internal static class SchemaAnnotations
{
    /// <summary>The DataAnnotations the pipeline enforces, stated in the schema too.</summary>
    public static void Write(Utf8JsonWriter writer, PropertyInfo property, bool isArray)
    {
        foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
        {
            switch (attribute)
            {
                case StringLengthAttribute length:
                    writer.WriteNumber("maxLength", length.MaximumLength);
                    if (length.MinimumLength > 0)
                    {
                        writer.WriteNumber("minLength", length.MinimumLength);
                    }

                    break;
                case MaxLengthAttribute max when max.Length > 0:
                    writer.WriteNumber(isArray ? "maxItems" : "maxLength", max.Length);
                    break;
                case MinLengthAttribute min:
                    writer.WriteNumber(isArray ? "minItems" : "minLength", min.Length);
                    break;
                case RangeAttribute range:
                    WriteBound(writer, "minimum", range.Minimum);
                    WriteBound(writer, "maximum", range.Maximum);
                    break;
                case RegularExpressionAttribute pattern:
                    writer.WriteString("pattern", pattern.Pattern);
                    break;
            }
        }
    }

    private static void WriteBound(Utf8JsonWriter writer, string name, object value)
    {
        try
        {
            writer.WriteNumber(name, Convert.ToDecimal(value, CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is OverflowException or FormatException or InvalidCastException)
        {
            // e.g. double.MaxValue: no bound worth stating.
        }
    }
}
