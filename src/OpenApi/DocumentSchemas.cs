using System.Reflection;
using System.Text.Json;
using Namotion.Reflection;
using NJsonSchema;
using NJsonSchema.Generation;
using NSwag;

namespace Hybrid;

/// <summary>
/// Schemas for one OpenAPI document, generated with NJsonSchema from the app's own serializer
/// options, so that a document names properties exactly as the doors read and write them.
/// </summary>
internal sealed class DocumentSchemas
{
    private readonly JsonSchemaGenerator _generator;
    private readonly OpenApiSchemaResolver _resolver;
    private readonly HashSet<JsonSchema> _responseSchemas = [];

    public DocumentSchemas(OpenApiDocument document, JsonSerializerOptions json)
    {
        Document = document;
        var settings = new SystemTextJsonSchemaGeneratorSettings
        {
            SerializerOptions = json,
            SchemaType = SchemaType.OpenApi3,
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
            GenerateEnumMappingDescription = false,
            FlattenInheritanceHierarchy = true,
        };
        _generator = new JsonSchemaGenerator(settings);
        _resolver = new OpenApiSchemaResolver(document, settings);
        Problem = CreateProblemSchema();
    }

    public OpenApiDocument Document { get; }

    /// <summary>The shared RFC 9457 schema every failure response refers to.</summary>
    public JsonSchema Problem { get; }

    /// <summary>A schema for a whole type (a component reference for objects).</summary>
    public JsonSchema For(Type type, bool isResponse)
    {
        var schema = _generator.GenerateWithReferenceAndNullability<JsonSchema>(type.ToContextualType(), isNullable: false, _resolver);
        if (isResponse)
        {
            MarkResponse(schema);
        }

        return schema;
    }

    /// <summary>A schema for one property, with its DataAnnotations (lengths, ranges) applied.</summary>
    public JsonSchemaProperty ForProperty(PropertyInfo property)
    {
        var accessor = property.ToContextualProperty();
        var nullable = accessor.Nullability == Nullability.Nullable;
        var schema = _generator.GenerateWithReferenceAndNullability<JsonSchemaProperty>(accessor.AccessorType, nullable, _resolver);
        ApplyAnnotations(schema, property);
        return schema;
    }

    private static decimal? ToDecimal(object value)
    {
        try
        {
            return Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is OverflowException or FormatException or InvalidCastException)
        {
            return null; // e.g. double.MaxValue: no bound worth stating.
        }
    }

    /// <summary>The DataAnnotations the pipeline enforces, stated in the schema too.</summary>
    private static void ApplyAnnotations(JsonSchema schema, PropertyInfo property)
    {
        foreach (var attribute in property.GetCustomAttributes<System.ComponentModel.DataAnnotations.ValidationAttribute>(inherit: true))
        {
            switch (attribute)
            {
                case System.ComponentModel.DataAnnotations.StringLengthAttribute length:
                    schema.MaxLength = length.MaximumLength;
                    schema.MinLength = length.MinimumLength > 0 ? length.MinimumLength : null;
                    break;
                case System.ComponentModel.DataAnnotations.MaxLengthAttribute max when max.Length > 0:
                    schema.MaxLength = max.Length;
                    break;
                case System.ComponentModel.DataAnnotations.MinLengthAttribute min:
                    schema.MinLength = min.Length;
                    break;
                case System.ComponentModel.DataAnnotations.RangeAttribute range:
                    schema.Minimum = ToDecimal(range.Minimum);
                    schema.Maximum = ToDecimal(range.Maximum);
                    break;
                case System.ComponentModel.DataAnnotations.RegularExpressionAttribute pattern:
                    schema.Pattern = pattern.Pattern;
                    break;
            }
        }
    }

    /// <summary>A schema for a route or query parameter of the given property.</summary>
    public JsonSchema ForParameter(PropertyInfo property)
    {
        var accessor = property.ToContextualProperty();
        var schema = _generator.GenerateWithReferenceAndNullability<JsonSchema>(accessor.AccessorType, isNullable: false, _resolver);
        if (!schema.HasReference)
        {
            ApplyAnnotations(schema, property);
        }

        return schema;
    }

    /// <summary>Registers a hand-made object schema as a component under a name not yet taken.</summary>
    public JsonSchema AddComponent(string name, JsonSchema schema)
    {
        var unique = name;
        for (var i = 2; Document.Components.Schemas.ContainsKey(unique); i++)
        {
            unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Document.Components.Schemas[unique] = schema;
        return new JsonSchema { Reference = schema };
    }

    /// <summary>
    /// Responses are written by System.Text.Json, which writes every property: mark them all
    /// required so generated clients type them as present (nullable ones stay nullable).
    /// </summary>
    private void MarkResponse(JsonSchema schema)
    {
        var actual = schema.ActualSchema;
        if (!_responseSchemas.Add(actual))
        {
            return;
        }

        foreach (var property in actual.ActualProperties.Values)
        {
            property.IsRequired = true;
            MarkResponse(property.ActualSchema);
            if (property.Item is not null)
            {
                MarkResponse(property.Item);
            }

            foreach (var option in property.OneOf)
            {
                MarkResponse(option);
            }
        }

        if (actual.Item is not null)
        {
            MarkResponse(actual.Item);
        }
    }

    private JsonSchema CreateProblemSchema()
    {
        var problem = new JsonSchema
        {
            Type = JsonObjectType.Object,
            Description = "An RFC 9457 problem: the same shape from both doors. Branch on 'code'.",
            AllowAdditionalProperties = true,
        };
        problem.Properties["type"] = new JsonSchemaProperty { Type = JsonObjectType.String, IsRequired = true };
        problem.Properties["title"] = new JsonSchemaProperty { Type = JsonObjectType.String, IsRequired = true };
        problem.Properties["status"] = new JsonSchemaProperty { Type = JsonObjectType.Integer, Format = JsonFormatStrings.Integer, IsRequired = true };
        problem.Properties["detail"] = new JsonSchemaProperty { Type = JsonObjectType.String, IsNullableRaw = true };
        problem.Properties["instance"] = new JsonSchemaProperty { Type = JsonObjectType.String, IsNullableRaw = true };
        problem.Properties["code"] = new JsonSchemaProperty { Type = JsonObjectType.String, IsRequired = true, Description = "Stable machine-readable code, e.g. validation_failed, not_found." };
        problem.Properties["traceId"] = new JsonSchemaProperty { Type = JsonObjectType.String, IsRequired = true };
        problem.Properties["errors"] = new JsonSchemaProperty
        {
            Type = JsonObjectType.Object,
            IsNullableRaw = true,
            Description = "Field errors keyed by the JSON property name.",
            AdditionalPropertiesSchema = new JsonSchema { Type = JsonObjectType.Array, Item = new JsonSchema { Type = JsonObjectType.String } },
        };
        Document.Components.Schemas["ProblemDetails"] = problem;
        return new JsonSchema { Reference = problem };
    }

    /// <summary>A response carrying a problem as <c>application/problem+json</c>.</summary>
    public OpenApiResponse ProblemResponse(string description)
    {
        var response = new OpenApiResponse { Description = description };
        response.Content["application/problem+json"] = new OpenApiMediaType { Schema = new JsonSchema { Reference = Problem.ActualSchema } };
        return response;
    }

    /// <summary>A success response carrying <paramref name="type"/> as JSON, or no content for 204.</summary>
    public OpenApiResponse SuccessResponse(Type type, int status)
    {
        var response = new OpenApiResponse { Description = status switch { 201 => "Created", 202 => "Accepted", 204 => "No Content", _ => "OK" } };
        if (status != 204 && type != typeof(MediatR.Unit))
        {
            response.Content["application/json"] = new OpenApiMediaType { Schema = For(type, isResponse: true) };
        }

        return response;
    }
}
