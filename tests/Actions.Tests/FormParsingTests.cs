using System.Net;
using System.Text.Json.Serialization;
using Hybrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions.Tests;

/// <summary>Form fields go through the one value parser: enums by name, booleans strictly. An empty JSON body is <c>{}</c>.</summary>
public sealed class FormParsingTests
{
    [Theory]
    [InlineData("Happy", Mood.Happy)]
    [InlineData("Angry", Mood.Angry)]
    [InlineData("angry", Mood.Angry)]
    [InlineData("CALM", Mood.Calm)]
    [InlineData("1", Mood.Happy)]
    public async Task Enum_form_fields_bind_by_name_or_defined_number(string text, Mood expected)
    {
        await using var host = await StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("SetMood", xsrf, [new("mood", text), new("volume", "9")], accept: "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var received = host.Parsed().Should().ContainSingle().Which.Should().BeOfType<SetMood>().Subject;
        received.Mood.Should().Be(expected);
        received.Volume.Should().Be(9);
    }

    [Fact]
    public async Task Enum_form_fields_bind_by_name_when_the_apps_json_writes_names_too()
    {
        await using var host = await StartAsync(s => s.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter())));
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("SetMood", xsrf, [new("mood", "Angry"), new("previous", "Happy")], accept: "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var received = host.Parsed().Should().ContainSingle().Which.Should().BeOfType<SetMood>().Subject;
        received.Mood.Should().Be(Mood.Angry);
        received.Previous.Should().Be(Mood.Happy);
    }

    [Fact]
    public async Task An_empty_nullable_enum_field_binds_null()
    {
        await using var host = await StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("SetMood", xsrf, [new("previous", "")], accept: "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Parsed().Should().ContainSingle().Which.Should().BeOfType<SetMood>().Which.Previous.Should().BeNull();
    }

    [Theory]
    [InlineData("mood", "Sad")]
    [InlineData("mood", "7")]
    [InlineData("mood", "Calm,Happy")]
    [InlineData("mood", "")]
    [InlineData("previous", "9")]
    public async Task An_enum_form_field_that_names_no_value_is_400_naming_the_field(string field, string text)
    {
        await using var host = await StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("SetMood", xsrf, [new(field, text)], accept: "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors!.Keys.Should().Equal(field);
        problem.Errors[field].Should().ContainSingle().Which.Should().Contain($"'{field}'").And.Contain("Calm, Happy, Angry");
        host.Parsed().Should().BeEmpty();
    }

    [Theory]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData("on", true)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    public async Task Boolean_form_fields_bind_strictly(string text, bool expected)
    {
        await using var host = await StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("SetMood", xsrf, [new("loud", text), new("confirmed", text)], accept: "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var received = host.Parsed().Should().ContainSingle().Which.Should().BeOfType<SetMood>().Subject;
        received.Loud.Should().Be(expected);
        received.Confirmed.Should().Be(expected);
    }

    [Theory]
    [InlineData("loud", "garbage")]
    [InlineData("loud", "yes")]
    [InlineData("loud", "1")]
    [InlineData("loud", "off")]
    [InlineData("loud", "")]
    [InlineData("confirmed", "garbage")]
    public async Task A_boolean_form_field_that_is_not_true_or_false_is_400_naming_the_field_never_false(string field, string text)
    {
        await using var host = await StartAsync();
        var xsrf = await host.GetXsrfAsync();

        // A plain form (no JSON accepted, a return URL): a refusal is still a problem, never a redirect.
        using var response = await host.Client.SendAsync(ActionsHost.FormPost("SetMood", xsrf, [new(field, text), new("__returnUrl", "/moods")]));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Location.Should().BeNull();
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors!.Keys.Should().Equal(field);
        problem.Errors[field].Should().ContainSingle().Which.Should().Contain($"'{field}'").And.Contain("true or false");
        host.Parsed().Should().BeEmpty();
    }

    [Fact]
    public async Task An_unchecked_checkbox_sends_nothing_and_leaves_the_default()
    {
        await using var host = await StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("SetMood", xsrf, [new("mood", "Happy")], accept: "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var received = host.Parsed().Should().ContainSingle().Which.Should().BeOfType<SetMood>().Subject;
        received.Loud.Should().BeFalse();
        received.Confirmed.Should().BeTrue();
    }

    [Fact]
    public async Task An_action_posted_with_an_empty_json_body_behaves_as_an_empty_object()
    {
        await using var host = await StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var empty = await host.Client.SendAsync(ActionsHost.JsonPost("SetMood", string.Empty, xsrf));
        using var braces = await host.Client.SendAsync(ActionsHost.JsonPost("SetMood", "{}", xsrf));

        empty.StatusCode.Should().Be(HttpStatusCode.OK);
        braces.StatusCode.Should().Be(HttpStatusCode.OK);
        (await empty.Content.ReadAsStringAsync()).Should().Be("\"Calm False\"").And.Be(await braces.Content.ReadAsStringAsync());
        var received = host.Parsed().OfType<SetMood>().ToList();
        received.Should().HaveCount(2);
        received[0].Should().BeEquivalentTo(received[1]);
        received[0].Should().BeEquivalentTo(new SetMood());
    }

    [Fact]
    public async Task An_empty_json_body_fails_validation_exactly_as_an_empty_object_does()
    {
        await using var host = await StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var empty = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", string.Empty, xsrf));
        using var braces = await host.Client.SendAsync(ActionsHost.JsonPost("CreateNote", "{}", xsrf));

        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var fromEmpty = await empty.ReadProblemAsync();
        var fromBraces = await braces.ReadProblemAsync();
        fromEmpty.Code.Should().Be(ProblemCodes.ValidationFailed);
        fromEmpty.Errors!.Keys.Should().Equal("title");
        fromEmpty.Errors.Should().BeEquivalentTo(fromBraces.Errors);
        host.Store().HandlerCalls.Should().Be(0);
    }

    private static Task<TestHost> StartAsync(Action<IServiceCollection>? services = null) =>
        ActionsHost.StartAsync(
            o => o.Expose<SetMood>(b => b.AsAction()),
            services: s =>
            {
                s.AddSingleton<ParsedRequests>();
                services?.Invoke(s);
            });
}

internal static class ParsedRequestsExtensions
{
    public static IReadOnlyCollection<object> Parsed(this TestHost host) => host.Services.GetRequiredService<ParsedRequests>().All;
}
