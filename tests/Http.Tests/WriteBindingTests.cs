using System.Net;
using System.Net.Http.Json;
using Hybrid.Testing;

namespace Hybrid.Http.Tests;

public sealed class WriteBindingTests
{
    [Fact]
    public async Task Post_binds_route_and_body_and_answers_201_with_a_Location_from_the_response()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/shops/5/things", DoorCase.JsonContent("""{"name":"Lamp","quantity":3}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var thing = await response.Content.ReadFromJsonAsync<Thing>();
        thing.Should().Be(new Thing(101, 5, "Lamp", 3));
        response.Headers.Location.Should().Be(new Uri("/api/v1/shops/5/things/101", UriKind.Relative));
        host.Store().Things.Should().ContainKey(101);
    }

    [Fact]
    public async Task Put_returning_nothing_is_204()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PutAsync("/api/v1/shops/5/things/9", DoorCase.JsonContent("""{"name":"Chair","quantity":4}"""));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        host.Store().Things.Should().ContainSingle().Which.Value.Should().Be(new Thing(9, 5, "Chair", 4));
    }

    [Fact]
    public async Task Declared_status_code_is_honoured()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/things/3/archive", DoorCase.JsonContent("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        response.Headers.Location.Should().BeNull();
        var ticket = await response.Content.ReadFromJsonAsync<ArchiveTicket>();
        ticket.Should().Be(new ArchiveTicket(3, "queued"));
    }

    [Fact]
    public async Task Empty_body_is_accepted_when_every_member_is_route_bound()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/things/3/archive", content: null);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        host.Store().Received.Should().ContainSingle().Which.Should().BeOfType<ArchiveThing>().Which.ThingId.Should().Be(3);
    }

    [Fact]
    public async Task Empty_body_with_a_json_content_type_is_accepted_when_every_member_is_route_bound()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/things/3/archive", DoorCase.JsonContent(""));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Chunked_json_body_is_read()
    {
        await using var host = await RestHost.StartAsync();

        // JsonContent has no length: it goes out chunked.
        using var response = await host.Client.PostAsync("/api/v1/shops/5/things", JsonContent.Create(new { name = "Streamed", quantity = 2 }));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        host.Store().Things.Values.Should().ContainSingle().Which.Name.Should().Be("Streamed");
    }

    [Fact]
    public async Task Empty_body_on_a_post_that_needs_fields_fails_validation()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/shops/5/things", content: null);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors!.Keys.Should().Equal("name");
        host.Store().Received.Should().BeEmpty();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Non_json_body_is_415(string mediaType)
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/shops/5/things",
            new StringContent("""{"name":"Lamp"}""", System.Text.Encoding.UTF8, mediaType));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.ReadProblemAsync()).Code.Should().Be(ProblemCodes.UnsupportedMediaType);
        host.Store().Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_json_value_of_the_wrong_type_is_a_field_error_like_the_same_mistake_in_a_query()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/shops/5/things", DoorCase.JsonContent("""{"name":"Lamp","quantity":"three"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors!.Keys.Should().Equal("quantity");
        problem.Errors["quantity"].Single().Should().Contain("'quantity'").And.Contain("integer");
        host.Store().Received.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"name":""", null)]
    [InlineData("null", null)]
    public async Task Malformed_json_is_400_invalid_json(string json, string? path)
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/shops/5/things", DoorCase.JsonContent(json));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.InvalidJson);
        if (path is not null)
        {
            problem.Detail.Should().Contain(path);
        }

        host.Store().Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Body_validation_errors_are_keyed_by_json_name()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/shops/5/things", DoorCase.JsonContent($$"""{"name":"{{new string('x', 41)}}"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.Should().Equal("name");
    }

    [Fact]
    public async Task Unparsable_route_value_on_a_post_is_400_validation_failed()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.PostAsync("/api/v1/shops/five/things", DoorCase.JsonContent("""{"name":"Lamp"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors!.Keys.Should().Equal("shopId");
        host.Store().Received.Should().BeEmpty();
    }
}
