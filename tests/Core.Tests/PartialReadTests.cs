using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Hybrid.Core.Tests;

/// <summary>Reading a JSON object with mistakes member by member (<see cref="PartialRead"/>): every mistake named, the work bounded.</summary>
public class PartialReadTests
{
    [Fact]
    public void Each_member_that_does_not_fit_is_named_and_left_out_and_the_rest_is_read()
    {
        var (info, shape) = Contract();
        var errors = new BindingErrors();

        var read = PartialRead.Read(Parse("""{"name":"n","count":"x","when":"never","colour":"red","inner":{"size":"big","label":"ok"}}"""), info, errors, (e, body) => JsonBodyErrors.ToProblem(e, shape, body));

        read.Should().NotBeNull();
        read!.Name.Should().Be("n");
        read.Inner!.Label.Should().Be("ok", "a nested object keeps what fits");
        errors.ToProblem().Errors!.Keys.Should().BeEquivalentTo("count", "when", "colour", "inner.size");
        errors.Covers("inner.size").Should().BeTrue();
        errors.Covers("inner").Should().BeFalse("the rest of inner bound and is validated");
    }

    [Fact]
    public void A_missing_required_member_is_named_once_and_the_rest_read_without_it()
    {
        var (info, shape) = Contract();
        var errors = new BindingErrors();

        var read = PartialRead.Read(Parse("""{"count":"x"}"""), info, errors, (e, body) => JsonBodyErrors.ToProblem(e, shape, body));

        read.Should().NotBeNull();
        errors.ToProblem().Errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["count"] = ["The value of 'count' is not an integer."],
            ["name"] = ["The name field is required."],
        });
    }

    [Fact]
    public void Past_the_readings_allowed_the_mistakes_found_so_far_are_the_answer()
    {
        var (info, shape) = Contract();
        var body = new JsonObject { ["name"] = "n" };
        for (var i = 0; i < 40; i++)
        {
            body["x" + i] = i;
        }

        var text = body.ToJsonString();
        var all = new BindingErrors();
        var few = new BindingErrors();
        var read = PartialRead.Read(Parse(text), info, all, (e, body) => JsonBodyErrors.ToProblem(e, shape, body));
        PartialRead.Read(Parse(text), info, few, (e, body) => JsonBodyErrors.ToProblem(e, shape, body), readings: 3);

        read.Should().BeNull();
        all.ToProblem().Errors.Should().HaveCount(PartialRead.MaxReadings);
        few.ToProblem().Errors.Should().HaveCount(3);
    }

    [Theory]
    [InlineData(100, 32)]
    [InlineData(128 * 1024, 32)]
    [InlineData(1024 * 1024, 4)]
    [InlineData(16 * 1024 * 1024, 2)]
    public void A_large_body_gets_fewer_readings(int length, int readings) =>
        PartialRead.ReadingsFor(length).Should().Be(readings);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    private static (JsonTypeInfo<Draft> Info, RequestShape Shape) Contract()
    {
        var app = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        var reading = RequestJson.For(app, new HybridOptions(), [typeof(Draft)]);
        return ((JsonTypeInfo<Draft>)reading.GetTypeInfo(typeof(Draft)), RequestShape.For(typeof(Draft), app));
    }

    public sealed class Draft
    {
        public required string Name { get; set; }

        public int Count { get; set; }

        public DateOnly? When { get; set; }

        public DraftInner? Inner { get; set; }
    }

    public sealed class DraftInner
    {
        public int Size { get; set; }

        public string? Label { get; set; }
    }
}
