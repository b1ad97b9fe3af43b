using Hybrid.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hybrid.Actions.Tests;

public sealed class FormPostTests
{
    [Fact]
    public async Task Form_fields_bind_by_json_name_and_a_local_returnUrl_gets_303()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("CreateNote", xsrf,
        [
            new("title", "From a form"),
            new("priority", "4"),
            new("pinned", "on"),
            new("color_code", "#abcdef"),
            new("weight", "2.25"),
            new("__returnUrl", "/notes?page=2"),
        ]));

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location.Should().Be(new Uri("/notes?page=2", UriKind.Relative));
        var note = host.Store().Notes.Should().ContainSingle().Which;
        note.Should().Be(new Note(1, "From a form", 4, Pinned: true, "#abcdef", 2.25m));
    }

    [Fact]
    public async Task Unchecked_checkbox_binds_false_and_absent_optional_fields_keep_their_defaults()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("CreateNote", xsrf,
        [
            new("title", "Plain"),
            new("weight", ""),
            new("__returnUrl", "/"),
        ]));

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location.Should().Be(new Uri("/", UriKind.Relative));
        host.Store().Notes.Should().ContainSingle().Which.Should().Be(new Note(1, "Plain", 1, Pinned: false, null, null));
    }

    [Fact]
    public async Task Form_post_that_accepts_json_gets_the_json_result_instead_of_a_redirect()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("CreateNote", xsrf,
            [new("title", "Fetch"), new("priority", "5"), new("pinned", "true"), new("__returnUrl", "/notes")],
            accept: "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Location.Should().BeNull();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("title").GetString().Should().Be("Fetch");
        body.GetProperty("priority").GetInt32().Should().Be(5);
        body.GetProperty("pinned").GetBoolean().Should().BeTrue();
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/notes")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("evil.example")]
    [InlineData("/\t/evil.example")]
    public async Task Non_local_returnUrl_is_not_used(string returnUrl)
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("CreateNote", xsrf,
            [new("title", "Redirect me"), new("__returnUrl", returnUrl)]));

        response.StatusCode.Should().NotBe(HttpStatusCode.SeeOther);
        response.Headers.Location.Should().BeNull();
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Store().Notes.Should().ContainSingle();
    }

    [Fact]
    public async Task Non_local_returnUrl_falls_back_to_a_same_origin_referer()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();
        using var message = ActionsHost.FormPost("CreateNote", xsrf, [new("title", "Back"), new("__returnUrl", "//evil.example")]);
        message.Headers.Referrer = new Uri("http://localhost/notes/new?draft=1");

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location.Should().Be(new Uri("/notes/new?draft=1", UriKind.Relative));
    }

    [Fact]
    public async Task Referer_of_another_host_is_not_used()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();
        using var message = ActionsHost.FormPost("CreateNote", xsrf, [new("title", "Back")]);
        message.Headers.Referrer = new Uri("http://evil.example/notes");

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Location.Should().BeNull();
    }

    [Fact]
    public async Task Unit_form_action_redirects_too()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("ClearNotes", xsrf, [new("__returnUrl", "/done")]));

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location.Should().Be(new Uri("/done", UriKind.Relative));
        host.Store().HandlerCalls.Should().Be(1);
    }

    [Fact]
    public async Task Form_field_that_is_not_a_number_is_a_validation_error_keyed_by_json_name()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("CreateNote", xsrf,
            [new("title", "Bad"), new("priority", "three"), new("__returnUrl", "/")], accept: "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors.Should().ContainKey("priority");
        host.Store().HandlerCalls.Should().Be(0);
    }

    [Fact]
    public async Task Failed_validation_of_a_plain_form_is_a_problem_not_a_redirect()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("CreateNote", xsrf,
            [new("title", ""), new("__returnUrl", "/")]));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Location.Should().BeNull();
        var problem = await response.ReadProblemAsync();
        problem.Errors.Should().ContainKey("title");
        host.Store().HandlerCalls.Should().Be(0);
    }
}
