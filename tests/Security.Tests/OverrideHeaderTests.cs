using System.Net;
using Hybrid.Testing;

namespace Hybrid.Security.Tests;

/// <summary>
/// Method-override and Hybrid-* headers from clients change nothing: the request is judged as it
/// was sent (here: an invalid body is still refused, a GET is still not a POST).
/// </summary>
public sealed class OverrideHeaderTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    private const string Invalid = """{"title":""}""";

    public static TheoryData<DoorCase, string, string> Headers => new()
    {
        { DoorCases.Action, "X-HTTP-Method-Override", "GET" },
        { DoorCases.Action, "X-HTTP-Method", "DELETE" },
        { DoorCases.Action, "X-Method-Override", "PUT" },
        { DoorCases.Action, "Hybrid-Skip-Validation", "true" },
        { DoorCases.Action, "Hybrid-Action", "CreateNote" },
        { DoorCases.Action, "Hybrid-Revalidated", "*" },
        { DoorCases.Action, "Hybrid-Redirect", "https://evil.example" },
        { DoorCases.Rest, "X-HTTP-Method-Override", "GET" },
        { DoorCases.Rest, "X-HTTP-Method-Override", "DELETE" },
        { DoorCases.Rest, "Hybrid-Skip-Validation", "true" },
        { DoorCases.Rest, "Hybrid-Internal", "1" },
        { DoorCases.Rest, "X-Middleware-Subrequest", "middleware:middleware:middleware" },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public async Task A_client_sent_override_or_internal_header_has_no_effect(DoorCase door, string name, string value)
    {
        var request = SecurityHost.ToDoor(door, DoorCase.JsonContent(Invalid));
        request.Headers.TryAddWithoutValidation(name, value);

        var before = host.Mark();
        using var response = await host.Client.SendAsync(request);

        var problem = await host.ShouldBeRefusalAsync(response, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed, before);
        problem.GetProperty("errors").TryGetProperty("title", out _).Should().BeTrue();
        response.Headers.Contains("Hybrid-Redirect").Should().BeFalse();
        response.Headers.Location.Should().BeNull();
    }

    [Theory]
    [InlineData("X-HTTP-Method-Override")]
    [InlineData("X-HTTP-Method")]
    [InlineData("X-Method-Override")]
    public Task A_GET_asking_to_be_a_POST_is_still_a_GET(string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/_actions/CreateNote?title=x");
        request.Headers.TryAddWithoutValidation(name, "POST");
        return host.ShouldRefuseAsync(request, HttpStatusCode.MethodNotAllowed, ProblemCodes.MethodNotAllowed);
    }
}
