using System.Net;
using Hybrid.Testing;

namespace Hybrid.EndToEnd.Tests.Parsing;

/// <summary>
/// A JSON body's mistakes are field errors keyed by JSON path, the same on both doors, and the same
/// as the same mistake in a route, a query or a form; the handler never runs.
/// </summary>
public sealed class BodyErrorParityTests(ParsingHost host) : IClassFixture<ParsingHost>
{
    [Fact]
    public async Task Nested_objects_and_collection_items_are_validated_and_keyed_by_json_path_on_both_doors()
    {
        const string body = """{"title": "Parsing", "author": {"name": "", "email": "nope"}, "tags": ["ok", ""]}""";

        var results = await host.JsonOnEveryDoorAsync(ParsingHost.Article, body);

        foreach (var result in results)
        {
            ShouldBeRefused(result, "author.name", "author.email", "tags[1].name");
            result.Problem!.Errors!["author.name"].Should().ContainSingle().Which.Should().Contain("name");
            result.Problem.Errors["author.email"].Should().ContainSingle().Which.Should().Contain("email");
        }

        ShouldBeSameErrors(results);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_valid_nested_body_reaches_the_handler_on_every_door(DoorCase door)
    {
        const string body = """{"title": "Parsing", "author": {"name": "Ada", "email": "ada@example.com"}, "tags": ["ok", "fine"]}""";

        var result = await host.JsonAsync(door, ParsingHost.Article, body);

        result.Status.Should().Be(HttpStatusCode.OK, result.ToString());
        var article = result.Received.Should().BeOfType<SubmitArticle>().Subject;
        article.Author!.Name.Should().Be("Ada");
        article.Author.Email.Should().Be("ada@example.com");
        article.Tags.Select(t => t.Name).Should().Equal("ok", "fine");
    }

    [Fact]
    public async Task A_missing_nested_object_that_is_required_is_keyed_by_its_own_name()
    {
        const string body = """{"title": "Parsing", "tags": [""]}""";

        var results = await host.JsonOnEveryDoorAsync(ParsingHost.Article, body);

        foreach (var result in results)
        {
            ShouldBeRefused(result, "author", "tags[0].name");
        }

        ShouldBeSameErrors(results);
    }

    [Fact]
    public async Task A_missing_required_member_is_a_field_error_naming_its_json_name_on_both_doors()
    {
        const string body = """{"age": 30}""";

        Sent[] results = [.. await host.JsonOnEveryDoorAsync(ParsingHost.Member, body), await host.ActionFormAsync("RegisterMember", ("age", "30"))];

        foreach (var result in results)
        {
            ShouldBeRefused(result, "displayName");
            result.Problem!.Errors!["displayName"].Should().ContainSingle().Which.Should().Contain("displayName");
        }

        ShouldBeSameErrors(results);
    }

    [Fact]
    public async Task An_empty_body_is_an_empty_object_on_both_doors_so_a_required_member_is_still_named()
    {
        Sent[] results = [.. await host.JsonOnEveryDoorAsync(ParsingHost.Member, string.Empty), .. await host.JsonOnEveryDoorAsync(ParsingHost.Member, "{}")];

        foreach (var result in results)
        {
            ShouldBeRefused(result, "displayName");
        }

        ShouldBeSameErrors(results);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_required_member_that_is_present_binds_on_every_door(DoorCase door)
    {
        const string body = """{"displayName": "Ada", "age": 30}""";

        var result = await host.JsonAsync(door, ParsingHost.Member, body);

        result.Status.Should().Be(HttpStatusCode.OK, result.ToString());
        var member = result.Received.Should().BeOfType<RegisterMember>().Subject;
        member.DisplayName.Should().Be("Ada");
        member.Age.Should().Be(30);
    }

    [Theory]
    [InlineData("""{"status": 7}""", "status")]
    [InlineData("""{"status": -1}""", "status")]
    [InlineData("""{"status": "Published", "previous": 9}""", "previous")]
    public async Task An_undefined_enum_number_in_a_json_body_is_a_field_error_on_both_doors(string body, string field)
    {
        var results = await host.JsonOnEveryDoorAsync(ParsingHost.Status, body);

        foreach (var result in results)
        {
            ShouldBeRefused(result, field);
            result.Problem!.Errors![field].Should().ContainSingle().Which.Should().Contain($"'{field}'").And.Contain("Draft, Published, Archived");
        }

        ShouldBeSameErrors(results);
    }

    [Theory]
    [InlineData("""{"status": "Draft,Published"}""", "status")]
    [InlineData("""{"status": "Draft, Published"}""", "status")]
    [InlineData("""{"status": "Draft\u002CPublished"}""", "status")]
    [InlineData("""{"status": "Published", "previous": "Draft,Archived"}""", "previous")]
    public async Task A_comma_list_for_an_enum_without_flags_in_a_json_body_is_a_field_error_on_both_doors(string body, string field)
    {
        var results = await host.JsonOnEveryDoorAsync(ParsingHost.Status, body);

        foreach (var result in results)
        {
            ShouldBeRefused(result, field);
            result.Problem!.Errors![field].Should().ContainSingle().Which.Should().Contain($"'{field}'").And.Contain("Draft, Published, Archived");
        }

        ShouldBeSameErrors(results);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_defined_enum_number_or_name_in_a_json_body_binds_on_every_door(DoorCase door)
    {
        var results = new[]
        {
            await host.JsonAsync(door, ParsingHost.Status, """{"status": 1, "previous": "Draft"}"""),
            await host.JsonAsync(door, ParsingHost.Status, """{"status": "Published", "previous": 0}"""),
        };

        foreach (var result in results)
        {
            result.Status.Should().Be(HttpStatusCode.OK, result.ToString());
            var set = result.Received.Should().BeOfType<SetStatus>().Subject;
            set.Status.Should().Be(ProbeStatus.Published);
            set.Previous.Should().Be(ProbeStatus.Draft);
        }
    }

    [Theory]
    [InlineData("by-guid", "FindByGuid")]
    [InlineData("by-number", "FindByNumber")]
    public async Task A_json_id_of_the_wrong_type_is_the_same_field_error_as_in_a_route_or_query(string path, string actionId)
    {
        const string body = """{"id": "xyz"}""";

        Sent[] results =
        [
            .. await host.JsonOnEveryDoorAsync(new DoorOperation(actionId, path), body),
            await host.GetAsync("REST route", $"/api/v1/{path}/xyz"),
            await host.QueryAsync(path, "id", "xyz"),
            await host.ActionFormAsync(actionId, ("id", "xyz")),
        ];

        foreach (var result in results)
        {
            ShouldBeRefused(result, "id");
            result.Problem!.Errors!["id"].Should().ContainSingle().Which.Should().Contain("'id'").And.NotContain("xyz");
        }

        ShouldBeSameErrors(results);
    }

    [Theory]
    [InlineData("by-guid", "FindByGuid", "\"6f9619ff-8b86-d011-b42d-00cf4fc964ff\"", "6f9619ff-8b86-d011-b42d-00cf4fc964ff")]
    [InlineData("by-number", "FindByNumber", "42", "42")]
    public async Task A_valid_id_binds_the_same_from_a_json_body_a_route_and_a_query(string path, string actionId, string json, string text)
    {
        Sent[] results =
        [
            .. await host.JsonOnEveryDoorAsync(new DoorOperation(actionId, path), $$"""{"id": {{json}}}"""),
            await host.GetAsync("REST route", $"/api/v1/{path}/{text}"),
            await host.QueryAsync(path, "id", text),
            await host.ActionFormAsync(actionId, ("id", text)),
        ];

        foreach (var result in results)
        {
            result.Status.Should().Be(HttpStatusCode.OK, result.ToString());
            var id = result.Received switch
            {
                FindByGuid g => g.Id.ToString(),
                FindByNumber n => n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            };
            id.Should().Be(text, result.Source);
        }
    }

    private static void ShouldBeRefused(Sent result, params string[] fields)
    {
        result.Status.Should().Be(HttpStatusCode.BadRequest, result.ToString());
        result.Problem.Should().NotBeNull(result.ToString());
        result.Problem!.Code.Should().Be(ProblemCodes.ValidationFailed, result.ToString());
        result.Problem.Errors.Should().NotBeNull(result.ToString());
        result.Problem.Errors!.Keys.Should().BeEquivalentTo(fields, result.ToString());
        result.Received.Should().BeNull($"the handler must not run for {result.Source}");
    }

    private static void ShouldBeSameErrors(Sent[] results)
    {
        var first = results[0].Problem!.Errors!;
        foreach (var result in results.Skip(1))
        {
            result.Problem!.Errors.Should().BeEquivalentTo(first, $"{result.Source} answers as {results[0].Source} does");
        }
    }
}
