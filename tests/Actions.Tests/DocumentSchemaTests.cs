using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Hybrid.Testing;

namespace Hybrid.Actions.Tests;

/// <summary>The schemas the actions document writes for each kind of member, read back from the served bytes.</summary>
public sealed class DocumentSchemaTests
{
    private static Task<TestHost> StartAsync() =>
        ActionsHost.StartAsync(o => o.Expose<SchemaProbe>(op => op.AsAction()));

    [Fact]
    public async Task Objects_state_required_members_annotations_and_documentation()
    {
        await using var host = await StartAsync();
        using var document = await GetAsync(host);

        var probe = Schema(document, nameof(SchemaProbe));
        probe.GetProperty("description").GetString().Should().Be("Everything the document's schema writer describes.");
        probe.GetProperty("additionalProperties").GetBoolean().Should().BeFalse();
        probe.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("name");
        var name = Property(probe, "name");
        name.GetProperty("type").GetString().Should().Be("string");
        name.GetProperty("maxLength").GetInt32().Should().Be(30);
        name.GetProperty("minLength").GetInt32().Should().Be(2);
        name.GetProperty("description").GetString().Should().Be("The probe's name, as SchemaProbe shows it.");
        probe.GetProperty("properties").TryGetProperty("secret", out _).Should().BeFalse("[JsonIgnore] members are not on the wire");
        Property(probe, "price").GetProperty("minimum").GetDecimal().Should().Be(0.5m);
        Property(probe, "price").GetProperty("maximum").GetDecimal().Should().Be(99.5m);
    }

    [Fact]
    public async Task Primitives_carry_the_formats_the_TypeScript_generator_maps()
    {
        await using var host = await StartAsync();
        using var document = await GetAsync(host);

        var probe = Schema(document, nameof(SchemaProbe));
        TypeAndFormat(Property(probe, "day")).Should().Be(("string", "date"));
        TypeAndFormat(Property(probe, "id")).Should().Be(("string", "guid"));
        TypeAndFormat(Property(probe, "price")).Should().Be(("number", "decimal"));
        TypeAndFormat(Property(probe, "blob")).Should().Be(("string", "byte"));
        TypeAndFormat(Property(probe, "age")).Should().Be(("integer", "int32"));
        Property(probe, "extra").EnumerateObject().Should().BeEmpty("an object member can hold anything");
    }

    [Fact]
    public async Task Nullable_members_are_nullable_and_nullable_references_wrap_the_reference()
    {
        await using var host = await StartAsync();
        using var document = await GetAsync(host);

        var probe = Schema(document, nameof(SchemaProbe));
        Property(probe, "nickname").GetProperty("nullable").GetBoolean().Should().BeTrue();
        Property(probe, "age").GetProperty("nullable").GetBoolean().Should().BeTrue();
        Property(probe, "name").TryGetProperty("nullable", out _).Should().BeFalse();

        var address = Property(probe, "address");
        address.GetProperty("nullable").GetBoolean().Should().BeTrue();
        address.GetProperty("oneOf")[0].GetProperty("$ref").GetString().Should().Be("#/components/schemas/ProbeAddress");
        Property(probe, "home").GetProperty("$ref").GetString().Should().Be("#/components/schemas/ProbeAddress");
    }

    [Fact]
    public async Task Collections_and_dictionaries_describe_their_items()
    {
        await using var host = await StartAsync();
        using var document = await GetAsync(host);

        var probe = Schema(document, nameof(SchemaProbe));
        var tags = Property(probe, "tags");
        tags.GetProperty("type").GetString().Should().Be("array");
        tags.GetProperty("items").GetProperty("type").GetString().Should().Be("string");
        tags.GetProperty("maxItems").GetInt32().Should().Be(3);
        var scores = Property(probe, "scores");
        scores.GetProperty("type").GetString().Should().Be("object");
        scores.GetProperty("additionalProperties").GetProperty("type").GetString().Should().Be("integer");
        Property(probe, "page").GetProperty("oneOf")[0].GetProperty("$ref").GetString().Should().Be("#/components/schemas/ProbePageOfProbeAddress");
        Property(Schema(document, "ProbePageOfProbeAddress"), "items").GetProperty("items").GetProperty("$ref").GetString()
            .Should().Be("#/components/schemas/ProbeAddress");
    }

    [Fact]
    public async Task Enums_are_written_as_the_doors_write_them_by_name()
    {
        await using var host = await StartAsync();
        using var document = await GetAsync(host);

        var mood = Schema(document, nameof(ProbeMood));
        mood.GetProperty("type").GetString().Should().Be("string");
        mood.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Should().Equal("Calm", "Busy", "Away");
        mood.TryGetProperty("x-enumNames", out _).Should().BeFalse("the names are the values");

        var tone = Schema(document, nameof(ProbeTone));
        tone.GetProperty("type").GetString().Should().Be("string");
        tone.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Should().Equal("Soft", "Loud");
        Property(Schema(document, nameof(SchemaProbe)), "tone").GetProperty("$ref").GetString().Should().Be("#/components/schemas/ProbeTone");
    }

    [Fact]
    public async Task Responses_mark_every_member_required_and_take_record_parameter_documentation()
    {
        await using var host = await StartAsync();
        using var document = await GetAsync(host);

        var result = Schema(document, nameof(SchemaProbeResult));
        result.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("id", "note", "addresses");
        Property(result, "note").GetProperty("nullable").GetBoolean().Should().BeTrue();
        Property(result, "id").GetProperty("description").GetString().Should().Be("The result's id.");
        Property(result, "addresses").GetProperty("items").GetProperty("$ref").GetString().Should().Be("#/components/schemas/ProbeAddress");

        // ProbeAddress is written by a response too: System.Text.Json writes all its members.
        Schema(document, nameof(ProbeAddress)).GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("street", "city");
    }

    [Fact]
    public async Task Types_of_the_same_name_get_distinct_components_top_level_first()
    {
        await using var host = await StartAsync();
        using var document = await GetAsync(host);

        Property(Schema(document, "ProbeAddress"), "street").GetProperty("type").GetString().Should().Be("string");
        Property(Schema(document, "ProbeAddress2"), "planet").GetProperty("type").GetString().Should().Be("string");
        Property(Schema(document, nameof(SchemaProbe)), "other").GetProperty("oneOf")[0].GetProperty("$ref").GetString()
            .Should().Be("#/components/schemas/ProbeAddress2");
    }

    [Fact]
    public async Task Polymorphic_types_carry_a_discriminator_and_derived_types_extend_the_base()
    {
        await using var host = await StartAsync();
        using var document = await GetAsync(host);

        var shape = Schema(document, nameof(ProbeShape));
        shape.GetProperty("discriminator").GetProperty("propertyName").GetString().Should().Be("kind");
        shape.GetProperty("discriminator").GetProperty("mapping").GetProperty("circle").GetString().Should().Be("#/components/schemas/ProbeCircle");
        shape.GetProperty("discriminator").GetProperty("mapping").GetProperty("square").GetString().Should().Be("#/components/schemas/ProbeSquare");
        shape.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Contain("kind");
        shape.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().Equal("kind", "label");

        var circle = Schema(document, nameof(ProbeCircle)).GetProperty("allOf");
        circle[0].GetProperty("$ref").GetString().Should().Be("#/components/schemas/ProbeShape");
        circle[1].GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().Equal("radius");
    }

    [Fact]
    public async Task The_same_catalog_gives_the_same_bytes_in_another_host()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync();

        var one = await first.Client.GetByteArrayAsync("/openapi/actions.json");
        var other = await second.Client.GetByteArrayAsync("/openapi/actions.json");

        other.Should().Equal(one);
        one.Should().NotContain((byte)'\r');
    }

    private static async Task<JsonDocument> GetAsync(TestHost host) =>
        JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/actions.json"));

    private static JsonElement Schema(JsonDocument document, string name) =>
        document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static JsonElement Property(JsonElement schema, string name) => schema.GetProperty("properties").GetProperty(name);

    private static (string?, string?) TypeAndFormat(JsonElement schema) =>
        (schema.GetProperty("type").GetString(), schema.TryGetProperty("format", out var format) ? format.GetString() : null);
}
