using System.Net;

namespace Hybrid.Security.Tests;

/// <summary>
/// Method-override and Hybrid-* headers from clients change nothing: the request is judged as it
/// was sent (here: an invalid body is still refused, a GET is still not a POST).
/// </summary>
public sealed class OverrideHeaderTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    private const string Invalid = """{"title":""}""";

    public static TheoryData<Door, string, string> Headers => new()
    {
        { Door.Actions, "X-HTTP-Method-Override", "GET" },
        { Door.Actions, "X-HTTP-Method", "DELETE" },
        { Door.Actions, "X-Method-Override", "PUT" },
        { Door.Actions, "Hybrid-Skip-Validation", "true" },
        { Door.Actions, "Hybrid-Action", "CreateNote" },
        { Door.Actions, "Hybrid-Revalidated", "*" },
        { Door.Actions, "Hybrid-Redirect", "https://evil.example" },
        { Door.Rest, "X-HTTP-Method-Override", "GET" },
        { Door.Rest, "X-HTTP-Method-Override", "DELETE" },
        { Door.Rest, "Hybrid-Skip-Validation", "true" },
        { Door.Rest, "Hybrid-Internal", "1" },
        { Door.Rest, "X-Middleware-Subrequest", "middleware:middleware:middleware" },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public async Task A_client_sent_override_or_internal_header_has_no_effect(Door door, string name, string value)
    {
        var request = SecurityHost.ToDoor(door, SecurityHost.Json(Invalid));
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
