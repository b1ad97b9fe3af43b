using System.Text.Json;
using System.Text.Json.Serialization;
using Hybrid.Core.Tests.Support;

namespace Hybrid.Core.Tests.Shapes;

public class AuditedRequest
{
    public string? Reason { get; set; }
}

public sealed class EditDraft : AuditedRequest
{
    public int DraftId { get; set; }

    [JsonPropertyName("draft_title")]
    public string? Title { get; set; }

    [JsonIgnore]
    public string? InternalNote { get; set; }

    public int Length => Title?.Length ?? 0;
}

public class RequestShapeTests
{
    [Fact]
    public void Members_are_named_as_the_apps_json_names_them()
    {
        var shape = RequestShape.For(typeof(EditDraft), Catalogs.WebJson());

        shape.Members.Select(m => (m.Property.Name, m.JsonName)).Should().BeEquivalentTo(
        [
            ("DraftId", "draftId"),
            ("Title", "draft_title"),
            ("Length", "length"),
            ("Reason", "reason"),
        ]);
    }

    [Fact]
    public void Json_ignored_properties_are_not_members()
    {
        RequestShape.For(typeof(EditDraft), Catalogs.WebJson()).Find("internalNote").Should().BeNull();
    }

    [Fact]
    public void A_type_whose_properties_are_all_json_ignored_has_no_members()
    {
        RequestShape.For(typeof(AllIgnored), Catalogs.WebJson()).Members.Should().BeEmpty();
    }

    private sealed class AllIgnored
    {
        [System.Text.Json.Serialization.JsonIgnore]
        public string Secret { get; set; } = "";

        [System.Text.Json.Serialization.JsonIgnore]
        public int Counter { get; set; }
    }

    [Fact]
    public void Inherited_properties_are_members()
    {
        var reason = RequestShape.For(typeof(EditDraft), Catalogs.WebJson()).Find("reason");

        reason.Should().NotBeNull();
        reason!.CanWrite.Should().BeTrue();
        reason.IsSimple.Should().BeTrue();
    }

    [Fact]
    public void Find_matches_the_json_name_or_the_property_name_ignoring_case()
    {
        var shape = RequestShape.For(typeof(EditDraft), Catalogs.WebJson());

        shape.Find("DRAFT_TITLE")!.Property.Name.Should().Be("Title");
        shape.Find("title")!.Property.Name.Should().Be("Title");
        shape.Find("nothing").Should().BeNull();
    }

    [Fact]
    public void A_get_only_property_cannot_be_written()
    {
        var shape = RequestShape.For(typeof(EditDraft), Catalogs.WebJson());

        shape.Find("length")!.CanWrite.Should().BeFalse();
        shape.Find("draftId")!.CanWrite.Should().BeTrue();
    }

    [Fact]
    public void Another_naming_policy_renames_members()
    {
        var json = Catalogs.WebJson();
        json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;

        RequestShape.For(typeof(EditDraft), json).Find("draft_id")!.Property.Name.Should().Be("DraftId");
    }

    [Theory]
    [InlineData(typeof(string), true)]
    [InlineData(typeof(int), true)]
    [InlineData(typeof(int?), true)]
    [InlineData(typeof(Guid), true)]
    [InlineData(typeof(DateTimeOffset), true)]
    [InlineData(typeof(DateOnly), true)]
    [InlineData(typeof(DayOfWeek), true)]
    [InlineData(typeof(decimal), true)]
    [InlineData(typeof(int[]), false)]
    [InlineData(typeof(List<string>), false)]
    [InlineData(typeof(EditDraft), false)]
    [InlineData(typeof(object), false)]
    public void Simple_types_are_those_one_string_can_carry(Type type, bool simple) =>
        SimpleTypes.IsSimple(type).Should().Be(simple);
}
