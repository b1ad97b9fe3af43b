using System.Text.Json;

namespace Hybrid.Clients;

// Reading one schema's keywords in one pass: its reference and allOf parts merged in, its type and
// nullability (OpenAPI 3.0's nullable or 3.1's type list), and the keywords the comparison reads,
// each kept only when present. Merging and what the comparison asks are in SchemaShape.cs.
internal sealed partial class SchemaShape
{
    // Returns whether the part allows null: its own nullable, or every part it is made of allows it.
    private bool Absorb(ContractDocument document, JsonElement schema, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > MaxDepth)
        {
            return false;
        }

        var nullable = false;
        bool? partsNullable = null;
        foreach (var member in schema.EnumerateObject())
        {
            var value = member.Value;
            if (member.NameEquals("$ref"u8))
            {
                if (value.ValueKind == JsonValueKind.String)
                {
                    var target = document.Shape(value.GetString()!);
                    MergeFrom(target);
                    partsNullable = (partsNullable ?? true) & target.Nullable;
                }
            }
            else if (member.NameEquals("allOf"u8) || ((member.NameEquals("oneOf"u8) || member.NameEquals("anyOf"u8)) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 1))
            {
                // Several oneOf/anyOf alternatives are not an intersection: they are left out rather than merged.
                foreach (var part in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : default)
                {
                    partsNullable = (partsNullable ?? true) & Absorb(document, part, depth + 1);
                }
            }
            else if (member.NameEquals("nullable"u8))
            {
                nullable |= value.ValueKind == JsonValueKind.True;
            }
            else if (member.NameEquals("type"u8))
            {
                nullable |= ReadType(value);
            }
            else if (member.NameEquals("format"u8))
            {
                Format ??= value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            }
            else
            {
                ReadMember(member);
            }
        }

        return nullable || partsNullable == true;
    }

    private void ReadMember(JsonProperty member)
    {
        var value = member.Value;
        if (member.NameEquals("enum"u8) && value.ValueKind == JsonValueKind.Array)
        {
            IntersectEnum([.. value.EnumerateArray().Select(JsonMembers.ValueText)]);
        }
        else if (member.NameEquals("properties"u8) && value.ValueKind == JsonValueKind.Object)
        {
            _properties ??= new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
            foreach (var property in value.EnumerateObject())
            {
                PartsOf(property.Name).Add(property.Value);
            }
        }
        else if (member.NameEquals("required"u8) && value.ValueKind == JsonValueKind.Array)
        {
            _required ??= new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in value.EnumerateArray())
            {
                if (name.ValueKind == JsonValueKind.String)
                {
                    _required.Add(name.GetString()!);
                }
            }
        }
        else if (member.NameEquals("items"u8) && value.ValueKind == JsonValueKind.Object)
        {
            (_items ??= []).Add(value);
        }
        else if (member.NameEquals("additionalProperties"u8))
        {
            ReadAdditional(value);
        }
        else if (member.NameEquals("discriminator"u8))
        {
            ReadSubtypes(value);
        }
    }

    // OpenAPI 3.1 writes nullability into the type ("type": ["string", "null"]); 3.0 has "nullable".
    private bool ReadType(JsonElement type)
    {
        if (type.ValueKind == JsonValueKind.String)
        {
            Type ??= type.GetString();
            return false;
        }

        var nullable = false;
        foreach (var name in type.ValueKind == JsonValueKind.Array ? type.EnumerateArray() : default)
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            if (name.ValueEquals("null"u8))
            {
                nullable = true;
            }
            else
            {
                Type ??= name.GetString();
            }
        }

        return nullable;
    }

    private void ReadAdditional(JsonElement additional)
    {
        switch (additional.ValueKind)
        {
            case JsonValueKind.Object:
                (_additional ??= []).Add(additional);
                break;
            case JsonValueKind.True:
                AdditionalAllowed ??= true;
                break;
            case JsonValueKind.False:
                AdditionalAllowed = false;
                break;
        }
    }

    // Only a schema's own discriminator counts: a subtype inherits its base's through allOf, and comparing
    // the base's other subtypes again under each subtype would repeat every message.
    private void ReadSubtypes(JsonElement discriminator)
    {
        if (Subtypes is null && JsonMembers.TryGetObject(discriminator, "mapping", out var mapping))
        {
            Subtypes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in mapping.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.String)
                {
                    Subtypes[entry.Name] = entry.Value.GetString()!;
                }
            }
        }
    }
}
