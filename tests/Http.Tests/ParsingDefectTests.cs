using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Hybrid.Testing;

namespace Hybrid.Http.Tests;

/// <summary>Location templates with route constraints, and which bodies the REST door reads.</summary>
public sealed class ParsingDefectTests
{
    [Fact]
    public async Task A_location_template_with_a_route_constraint_is_accepted_and_resolves_to_the_id()
    {
        await using var host = await RestHost.StartAsync(o => o.Expose<RegisterGadget>(b => b.Route("POST", "things", location: "things/{id:int}")));

        using var response = await host.Client.PostAsync("/api/v1/things", DoorCase.JsonContent("""{"name":"Lamp"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.Content.ReadFromJsonAsync<Gadget>()).Should().Be(new Gadget(101, "Lamp"));
        response.Headers.Location.Should().Be(new Uri("/api/v1/things/101", UriKind.Relative));
        host.Store().Received.Should().ContainSingle().Which.Should().BeOfType<RegisterGadget>().Which.Name.Should().Be("Lamp");
    }

    [Theory]
    [InlineData("things/{id:int}/parts/{name:minlength(1)}", "/api/v2/things/101/parts/Lamp%20shade")]
    [InlineData("/things/{id:range(1,1000)}/", "/api/v2/things/101")]
    public async Task Constrained_location_placeholders_of_the_response_and_the_request_resolve(string location, string expected)
    {
        await using var host = await RestHost.StartAsync(o => o.Expose<RegisterGadget>(b => b.Route("POST", "gadgets", version: 2, location: location)));

        using var response = await host.Client.PostAsync("/api/v2/gadgets", DoorCase.JsonContent("""{"name":"Lamp shade"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.Should().Be(expected);
    }

    [Fact]
    public async Task An_empty_urlencoded_post_is_415_and_never_reaches_the_handler()
    {
        // What a cross-site HTML form with no fields sends: a form media type and nothing else.
        await using var host = await RestHost.StartAsync(o => o.Expose<PingGadgets>(b => b.Route("POST", "gadgets/ping", statusCode: 200)));
        using var content = new FormUrlEncodedContent([]);

        using var response = await host.Client.PostAsync("/api/v1/gadgets/ping", content);

        content.Headers.ContentType!.MediaType.Should().Be("application/x-www-form-urlencoded");
        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.ReadProblemAsync()).Code.Should().Be(ProblemCodes.UnsupportedMediaType);
        host.Store().Received.Should().BeEmpty();
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("text/plain")]
    public async Task Any_other_declared_media_type_with_an_empty_body_is_415(string mediaType)
    {
        await using var host = await RestHost.StartAsync(o => o.Expose<PingGadgets>(b => b.Route("POST", "gadgets/ping", statusCode: 200)));
        using var content = new ByteArrayContent([]);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType);

        using var response = await host.Client.PostAsync("/api/v1/gadgets/ping", content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.ReadProblemAsync()).Code.Should().Be(ProblemCodes.UnsupportedMediaType);
        host.Store().Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_post_with_no_body_and_no_content_type_reaches_the_handler_with_defaults()
    {
        await using var host = await RestHost.StartAsync(o => o.Expose<PingGadgets>(b => b.Route("POST", "gadgets/ping", statusCode: 200)));
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/gadgets/ping");

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<GadgetPing>()).Should().Be(new GadgetPing(3, null, false));
        var received = host.Store().Received.Should().ContainSingle().Which.Should().BeOfType<PingGadgets>().Subject;
        received.Count.Should().Be(3);
        received.Note.Should().BeNull();
        received.Loud.Should().BeFalse();
    }
}
