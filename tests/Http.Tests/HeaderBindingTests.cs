using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Hybrid.Testing;

namespace Hybrid.Http.Tests;

/// <summary>Members read from request headers with ASP.NET Core's [FromHeader], on bodyless and body routes.</summary>
public sealed class HeaderBindingTests
{
    private static Task<TestHost> StartAsync() =>
        RestHost.StartAsync(o => o.Expose<TraceGadget>(b => b
            .Get("gadgets/{gadgetId}/trace")
            .Route("POST", "gadgets/{gadgetId}/trace", statusCode: 200)));

    private static HttpRequestMessage Request(HttpMethod method, string url, params (string Name, string Value)[] headers)
    {
        var message = new HttpRequestMessage(method, url);
        foreach (var (name, value) in headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    [Fact]
    public async Task Get_binds_headers_route_and_query_together()
    {
        await using var host = await StartAsync();
        using var message = Request(HttpMethod.Get, "/api/v1/gadgets/4/trace?note=hi", ("X-Tenant", "acme, inc"), ("Priority", "9"), ("X-Since", "2024-02-29"));

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<GadgetTrace>()).Should().Be(new GadgetTrace(4, "acme, inc", 9, new DateOnly(2024, 2, 29), "hi"));
    }

    [Fact]
    public async Task Post_binds_headers_beside_the_json_body()
    {
        await using var host = await StartAsync();
        using var message = Request(HttpMethod.Post, "/api/v1/gadgets/4/trace", ("x-tenant", "acme"), ("priority", "1"));
        message.Content = DoorCase.JsonContent("""{"note":"body"}""");

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<GadgetTrace>()).Should().Be(new GadgetTrace(4, "acme", 1, null, "body"));
    }

    [Fact]
    public async Task Absent_headers_keep_the_initializer_and_nullables_stay_null()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/gadgets/4/trace");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<GadgetTrace>()).Should().Be(new GadgetTrace(4, null, 5, null, null));
    }

    [Fact]
    public async Task A_header_bound_member_is_never_read_from_the_query()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/gadgets/4/trace?priority=9&tenant=acme&X-Tenant=acme");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<GadgetTrace>()).Should().Be(new GadgetTrace(4, null, 5, null, null));
    }

    [Theory]
    [InlineData("priority", "Priority")]
    [InlineData("tenant", "X-Tenant")]
    public async Task A_body_naming_a_header_bound_member_is_400_naming_it(string member, string header)
    {
        await using var host = await StartAsync();
        using var message = Request(HttpMethod.Post, "/api/v1/gadgets/4/trace", (header, "1"));
        message.Content = DoorCase.JsonContent($$"""{"note":"x","{{member}}":"1"}""");

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors!.Keys.Should().Equal(member);
        problem.Errors[member].Should().ContainSingle().Which.Should().Contain(header);
        host.Store().Received.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Priority", "high")]
    [InlineData("Priority", "1 ")]
    [InlineData("X-Since", "29/02/2024")]
    public async Task An_unparsable_header_is_400_naming_the_header(string header, string value)
    {
        await using var host = await StartAsync();
        using var message = Request(HttpMethod.Get, "/api/v1/gadgets/4/trace", (header, value));

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors!.Keys.Should().Equal(header);
        host.Store().Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_single_valued_header_sent_twice_is_400()
    {
        await using var host = await StartAsync();
        using var message = new HttpRequestMessage(HttpMethod.Get, "/api/v1/gadgets/4/trace");
        message.Headers.TryAddWithoutValidation("Priority", ["1", "2"]);

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey("Priority").WhoseValue.Should().Equal("The Priority header must be given once.");
        host.Store().Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_required_header_member_is_required_of_the_headers_not_of_the_body()
    {
        await using var host = await RestHost.StartAsync(o => o.Expose<SignGadget>(b => b.Route("POST", "gadgets/sign", statusCode: 200)));
        using var missing = new HttpRequestMessage(HttpMethod.Post, "/api/v1/gadgets/sign") { Content = DoorCase.JsonContent("""{"note":"n"}""") };
        using var signed = Request(HttpMethod.Post, "/api/v1/gadgets/sign", ("X-Signer", "ada"));
        signed.Content = DoorCase.JsonContent("""{"note":"n"}""");

        using var refused = await host.Client.SendAsync(missing);
        host.Store().Received.Should().BeEmpty();
        using var accepted = await host.Client.SendAsync(signed);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.ReadProblemAsync()).Errors.Should().ContainKey("X-Signer").WhoseValue.Should().Equal("The X-Signer header is required.");
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await accepted.Content.ReadFromJsonAsync<string>()).Should().Be("ada");
    }

    [Fact]
    public async Task A_positional_record_parameter_marked_from_header_binds_from_the_header()
    {
        await using var host = await RestHost.StartAsync(o => o.Expose<RenameGadget>(b => b.Route("PUT", "gadgets/{gadgetId}/name", statusCode: 200)));
        using var message = Request(HttpMethod.Put, "/api/v1/gadgets/3/name", ("X-Editor", "ada"));
        message.Content = DoorCase.JsonContent("""{"name":"Lamp"}""");

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<string>()).Should().Be("3 ada Lamp");
    }

    [Theory]
    [InlineData(typeof(HeaderObjectGadget), "HYB030")]
    [InlineData(typeof(ReadOnlyHeaderGadget), "HYB031")]
    public async Task A_header_member_no_header_can_set_is_refused_at_start_up(Type request, string id)
    {
        var start = () => RestHost.StartAsync(o =>
        {
            if (request == typeof(HeaderObjectGadget))
            {
                o.Expose<HeaderObjectGadget>(b => b.Route("POST", "gadgets/header-object", statusCode: 200));
            }
            else
            {
                o.Expose<ReadOnlyHeaderGadget>(b => b.Get("gadgets/read-only-header"));
            }
        });

        var exception = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which;

        exception.Errors.Select(e => e.Id).Should().Equal(id);
    }

    [Fact]
    public async Task A_route_placeholder_on_a_header_member_is_refused_at_start_up()
    {
        var start = () => RestHost.StartAsync(o => o.Expose<TraceGadget>(b => b.Get("gadgets/by-priority/{priority}")));

        var exception = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which;

        exception.Errors.Select(e => e.Id).Should().Equal("HYB032");
    }
}
