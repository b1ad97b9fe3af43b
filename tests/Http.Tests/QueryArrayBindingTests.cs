using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Hybrid.Testing;

namespace Hybrid.Http.Tests;

/// <summary>Collections bound from repeated query parameters, and the rules that keep single values single.</summary>
public sealed class QueryArrayBindingTests
{
    private static readonly Guid First = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
    private static readonly Guid Second = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    private static Task<TestHost> StartAsync(string method = "GET") =>
        RestHost.StartAsync(o => o.Expose<FindGadgets>(b => b.Route(method, "gadgets/find", statusCode: 200)));

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task Repeated_parameters_fill_collections_of_every_simple_type_in_order(string method)
    {
        await using var host = await StartAsync(method);
        using var message = new HttpRequestMessage(new HttpMethod(method),
            $"/api/v1/gadgets/find?tag=b&tag=a%20b&size=3&size=-1&id={First}&id={Second}&stage=published&stage=Archived" +
            "&on=2024-02-29&on=2025-01-01&at=2024-02-29T10:00:00%2B02:00&rank=1&rank=&page=2");

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var received = host.Store().Received.Should().ContainSingle().Which.Should().BeOfType<FindGadgets>().Subject;
        received.Tag.Should().Equal("b", "a b");
        received.Size.Should().Equal(3, -1);
        received.Id.Should().Equal(First, Second);
        received.Stage.Should().Equal(Stage.Published, Stage.Archived);
        received.On.Should().Equal(new DateOnly(2024, 2, 29), new DateOnly(2025, 1, 1));
        received.At.Should().Equal(new DateTimeOffset(2024, 2, 29, 10, 0, 0, TimeSpan.FromHours(2)));
        received.Rank.Should().Equal(1, null);
        received.Page.Should().Be(2);
    }

    [Fact]
    public async Task A_single_value_makes_a_collection_of_one()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/gadgets/find?tag=solo&kind=special");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var received = host.Store().Received.OfType<FindGadgets>().Single();
        received.Tag.Should().Equal("solo");
        received.Kind.Should().Equal("special");
    }

    [Fact]
    public async Task Absent_collections_keep_their_initializers_and_nullable_ones_stay_null()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/gadgets/find");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var received = host.Store().Received.OfType<FindGadgets>().Single();
        received.Tag.Should().BeEmpty();
        received.Size.Should().BeEmpty();
        received.Kind.Should().Equal("standard");
        received.Id.Should().BeNull();
        received.Stage.Should().BeNull();
        received.Page.Should().Be(1);
        received.Status.Should().Be(Stage.Draft);
    }

    [Theory]
    [InlineData("size=1&size=two", "size")]
    [InlineData("id=6f9619ff-8b86-d011-b42d-00cf4fc964ff&id=nope", "id")]
    [InlineData("stage=Draft&stage=Gone", "stage")]
    [InlineData("stage=Draft,Published", "stage")]
    [InlineData("on=2024-02-30", "on")]
    [InlineData("at=yesterday", "at")]
    [InlineData("rank=1.5", "rank")]
    public async Task One_bad_element_is_400_naming_the_parameter(string query, string field)
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/gadgets/find?" + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors!.Keys.Should().Equal(field);
        problem.Errors[field].Should().ContainSingle().Which.Should().Contain($"'{field}'");
        host.Store().Received.Should().BeEmpty();
    }

    [Theory]
    [InlineData("page=1&page=2", "page")]
    [InlineData("page=2&page=2", "page")]
    [InlineData("status=Draft&status=Published", "status")]
    [InlineData("Page=1&page=2", "page")]
    public async Task A_single_valued_parameter_given_twice_is_400_and_never_reads_either_value(string query, string field)
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/gadgets/find?" + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors.Should().ContainKey(field).WhoseValue.Should().Equal($"The {field} parameter must be given once.");
        host.Store().Received.Should().BeEmpty();
    }

    [Theory]
    [InlineData("status=Draft,Published")]
    [InlineData("status=Draft%2CPublished")]
    [InlineData("status=Published,")]
    public async Task A_comma_list_for_an_enum_without_flags_is_400(string query)
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/gadgets/find?" + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.Should().Equal("status");
        host.Store().Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_flags_enum_keeps_its_comma_list()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/gadgets/find?colours=Red,Blue");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Store().Received.OfType<FindGadgets>().Single().Colours.Should().Be(Shade.Red | Shade.Blue);
    }

    [Theory]
    [InlineData("page=1abc")]
    [InlineData("page=%201")]
    [InlineData("page=1%20")]
    [InlineData("page=0x10")]
    [InlineData("page=1,000")]
    [InlineData("page=1.0")]
    [InlineData("status=Draft%20")]
    [InlineData("status=Draftx")]
    [InlineData("size=1&size=2x")]
    public async Task Extra_characters_are_400_naming_the_parameter(string query)
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/gadgets/find?" + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors!.Keys.Should().Equal(query[..query.IndexOf('=', StringComparison.Ordinal)]);
        host.Store().Received.Should().BeEmpty();
    }

    [Fact]
    public async Task DataAnnotations_still_apply_to_query_values()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/gadgets/find?page=0");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.Should().Equal("page");
        host.Store().Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_collection_of_objects_on_a_get_is_still_refused_at_start_up()
    {
        var start = () => RestHost.StartAsync(o => o.Expose<FindByPings>(b => b.Get("gadgets/pings")));

        var exception = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which;

        exception.Errors.Should().ContainSingle().Which.Id.Should().Be("HYB013");
    }
}
