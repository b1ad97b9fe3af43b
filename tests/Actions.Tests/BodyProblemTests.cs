using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text;
using Hybrid.Testing;

namespace Hybrid.Actions.Tests;

public sealed class BodyProblemTests
{
    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task Body_of_another_media_type_is_415(string mediaType)
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();
        using var message = ActionsHost.JsonPost("CreateNote", """{"title":"x"}""", xsrf);
        message.Content = new StringContent("""{"title":"x"}""", Encoding.UTF8, mediaType);

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.ReadProblemAsync()).Code.Should().Be(ProblemCodes.UnsupportedMediaType);
        response.Content.Headers.Allow.Should().BeEmpty("the method was right");
        host.Store().HandlerCalls.Should().Be(0);
    }

    [Fact]
    public async Task Post_without_a_body_or_content_type_is_a_call_with_no_arguments()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();
        using var message = ActionsHost.JsonPost("custom-id", "{}", xsrf);
        message.Content = null;

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadAsStringAsync()).Should().Be("0");
        host.Store().HandlerCalls.Should().Be(1);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("iso-8859-1")]
    public async Task A_json_body_in_another_charset_is_read_as_its_charset_says(string charset)
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();
        using var message = ActionsHost.JsonPost("CreateNote", "{}", xsrf);
        message.Content = new StringContent("""{"title":"Café"}""", Encoding.GetEncoding(charset), "application/json");

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        host.Store().Notes.Should().ContainSingle().Which.Title.Should().Be("Café");
    }

    [Fact]
    public async Task A_json_body_in_a_charset_no_encoding_answers_to_is_400()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();
        using var message = ActionsHost.JsonPost("CreateNote", """{"title":"x"}""", xsrf);
        message.Content!.Headers.ContentType!.CharSet = "no-such-charset";

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.Should().Be(ProblemCodes.BadRequest);
        host.Store().HandlerCalls.Should().Be(0);
    }

    [Fact]
    public async Task Post_without_a_body_for_an_action_with_required_members_names_them()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();
        using var message = ActionsHost.JsonPost("CreateNote", "{}", xsrf);
        message.Content = null;

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey("title");
        host.Store().HandlerCalls.Should().Be(0);
    }

    [Theory]
    [InlineData("{\"title\":")]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    public async Task Malformed_json_is_400_invalid_json(string json)
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", json, xsrf));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.Should().Be(ProblemCodes.InvalidJson);
        host.Store().HandlerCalls.Should().Be(0);
    }

    [Fact]
    public async Task A_malformed_multipart_form_is_400_bad_request()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();
        using var message = ActionsHost.JsonPost("CreateNote", "{}", xsrf);
        message.Content = new StringContent("--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nunterminated", Encoding.UTF8);
        message.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.Should().Be(ProblemCodes.BadRequest);
        host.Store().HandlerCalls.Should().Be(0);
    }

    [Fact]
    public async Task Json_of_the_wrong_type_is_a_field_error_keyed_by_its_path()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", """{"title":"x","priority":"high"}""", xsrf));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors.Should().ContainKey("priority").WhoseValue.Should().ContainSingle().Which.Should().Contain("integer");
        host.Store().HandlerCalls.Should().Be(0);
    }

    [Fact]
    public async Task An_empty_json_body_means_an_empty_object_as_on_the_rest_door()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", string.Empty, xsrf));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors.Should().ContainKey("title");
        host.Store().HandlerCalls.Should().Be(0);
    }

    [Fact]
    public async Task Validation_errors_are_400_keyed_by_json_names()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost(
            "CreateNote", """{"title":"","priority":9,"color_code":"red"}""", xsrf));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors.Should().NotBeNull();
        problem.Errors!.Keys.Should().BeEquivalentTo("title", "priority", "color_code");
        problem.Errors["priority"].Should().ContainSingle().Which.Should().Contain("priority");
        host.Store().HandlerCalls.Should().Be(0);
        host.Store().Notes.Should().BeEmpty();
    }

    [Fact]
    public async Task Body_over_the_action_doors_MaxBodySize_is_413()
    {
        await using var host = await ActionsHost.StartAsync(o => o.Actions().MaxBodySize = 64);
        var xsrf = await host.GetXsrfAsync();
        var json = "{\"title\":\"" + new string('a', 200) + "\"}";

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", json, xsrf));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.ReadProblemAsync()).Code.Should().Be(ProblemCodes.PayloadTooLarge);
        host.Store().HandlerCalls.Should().Be(0);
    }

    [Fact]
    public async Task Body_within_the_action_doors_MaxBodySize_is_accepted()
    {
        await using var host = await ActionsHost.StartAsync(o => o.Actions().MaxBodySize = 64);
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", """{"title":"short"}""", xsrf));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Form_body_over_the_action_doors_MaxBodySize_is_413()
    {
        await using var host = await ActionsHost.StartAsync(o => o.Actions().MaxBodySize = 64);
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("CreateNote", xsrf, [new("title", new string('a', 200))]));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        host.Store().HandlerCalls.Should().Be(0);
    }
}
