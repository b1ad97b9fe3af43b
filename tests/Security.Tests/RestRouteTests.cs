using System.Net;
using Hybrid.Testing;

namespace Hybrid.Security.Tests;

/// <summary>
/// The REST door's paths and verbs: a verb a route does not take, a path that only looks like a
/// route (encoded, traversing, look-alike, overlong, another version) reaches no handler.
/// </summary>
public sealed class RestRouteTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    private const string Valid = """{"title":"reached"}""";

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("GET")]
    [InlineData("PROPFIND")]
    public async Task A_verb_the_route_does_not_take_is_405(string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), "/api/v1/notes");
        if (method is not "GET")
        {
            request.Content = DoorCase.JsonContent(Valid);
        }

        request.Headers.TryAddWithoutValidation("X-HTTP-Method-Override", "POST");
        await host.ShouldRefuseAsync(request, HttpStatusCode.MethodNotAllowed, ProblemCodes.MethodNotAllowed);
    }

    [Theory]
    [InlineData("/api/v1/notes%2F")]
    [InlineData("/api/v1/notes%2Fx")]
    [InlineData("/api/v1/%6Eotes%2E")]
    [InlineData("/api/v1/note%73/..%2F..%2Fv2%2Fnotes")]
    [InlineData("/api/v1/n\u043etes")]
    [InlineData("/api/v1/notes.")]
    [InlineData("/api/v1/notes%20")]
    [InlineData("/api/v2/notes")]
    [InlineData("/api/v0/notes")]
    [InlineData("/api/v01/notes")]
    [InlineData("/api/v99999999999999999999/notes")]
    [InlineData("/api/v1/_actions/CreateNote")]
    public Task A_path_that_only_looks_like_a_route_is_404(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = DoorCase.JsonContent(Valid) };
        return host.ShouldRefuseAsync(request, HttpStatusCode.NotFound, ProblemCodes.RouteNotFound);
    }

    [Fact]
    public Task An_overlong_path_is_404()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/" + new string('n', 5_000)) { Content = DoorCase.JsonContent(Valid) };
        return host.ShouldRefuseAsync(request, HttpStatusCode.NotFound, ProblemCodes.RouteNotFound);
    }
}
