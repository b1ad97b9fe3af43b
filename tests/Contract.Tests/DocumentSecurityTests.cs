using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Contract.Tests;

/// <summary>What the documents say about authentication: the schemes, and which operations need which.</summary>
public sealed class DocumentSecurityTests
{
    [Fact]
    public async Task The_REST_document_describes_the_REST_doors_bearer_schemes_and_no_cookie()
    {
        using var document = await ReadAsync("/openapi/v1.json");

        var schemes = document.RootElement.GetProperty("components").GetProperty("securitySchemes");

        schemes.EnumerateObject().Select(s => s.Name).Should().Equal("Bearer", "Partner");
        foreach (var scheme in schemes.EnumerateObject())
        {
            Shape(scheme.Value).Should().Be("http bearer JWT", scheme.Name);
        }
    }

    [Fact]
    public async Task A_protected_REST_route_requires_any_of_the_schemes_it_accepts_and_an_anonymous_one_none()
    {
        using var document = await ReadAsync("/openapi/v1.json");
        var paths = document.RootElement.GetProperty("paths");

        var remove = paths.GetProperty("/api/v1/notes/{id}").GetProperty("delete");
        var read = paths.GetProperty("/api/v1/notes/{id}").GetProperty("get");

        Requirements(remove).Should().Equal("Bearer", "Partner");
        remove.GetProperty("responses").TryGetProperty("401", out _).Should().BeTrue();
        read.TryGetProperty("security", out _).Should().BeFalse();
        read.GetProperty("responses").TryGetProperty("401", out _).Should().BeFalse();
    }

    [Fact]
    public async Task The_actions_document_describes_the_sign_in_cookie_by_its_configured_name()
    {
        using var document = await ReadAsync("/openapi/actions.json");

        var schemes = document.RootElement.GetProperty("components").GetProperty("securitySchemes");

        schemes.EnumerateObject().Select(s => s.Name).Should().Equal("Cookies");
        Shape(schemes.GetProperty("Cookies")).Should().Be("apiKey cookie " + AuthHost.CookieName);
    }

    [Fact]
    public async Task Actions_say_which_credential_they_need_and_anonymous_ones_need_none()
    {
        using var document = await ReadAsync("/openapi/actions.json");
        var paths = document.RootElement.GetProperty("paths");

        var remove = paths.GetProperty("/_actions/RemoveNote").GetProperty("post");
        var read = paths.GetProperty("/_actions/ReadNote").GetProperty("post");
        var edit = paths.GetProperty("/_actions/EditNote").GetProperty("post");

        Requirements(remove).Should().Equal("Cookies");
        remove.TryGetProperty("x-hybrid-anonymous", out _).Should().BeFalse();
        read.GetProperty("security").GetArrayLength().Should().Be(0, "an empty security list is OpenAPI's 'no authentication'");
        read.GetProperty("x-hybrid-anonymous").GetBoolean().Should().BeTrue();

        // Its own scheme is one no document can describe: the requirement is left out, the 401 stays.
        edit.TryGetProperty("security", out _).Should().BeFalse();
        edit.GetProperty("responses").TryGetProperty("401", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Without_authentication_no_document_has_security_schemes()
    {
        await using var host = await Hybrid.Testing.TestHost.StartAsync(
            [typeof(RemoveNote).Assembly],
            o => o.Actions().PublicDocument = true,
            s =>
            {
                s.AddSingleton<NoteStore>();
                s.AddSingleton<RecordStore>();
                s.AddRateLimiter(_ => { });
            },
            app =>
            {
                app.MapHybridActions();
                app.MapHybridRest();
            });

        foreach (var path in new[] { "/openapi/actions.json", "/openapi/v1.json" })
        {
            using var document = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri(path, UriKind.Relative)));
            document.RootElement.GetProperty("components").TryGetProperty("securitySchemes", out _).Should().BeFalse(path);
        }
    }

    private static async Task<JsonDocument> ReadAsync(string path)
    {
        await using var host = await AuthHost.StartAsync(environment: "Development");
        return JsonDocument.Parse(await host.Client.GetStringAsync(new Uri(path, UriKind.Relative)));
    }

    private static string Shape(JsonElement scheme) => scheme.GetProperty("type").GetString() switch
    {
        "http" => $"http {scheme.GetProperty("scheme").GetString()} {scheme.GetProperty("bearerFormat").GetString()}",
        var type => $"{type} {scheme.GetProperty("in").GetString()} {scheme.GetProperty("name").GetString()}",
    };

    /// <summary>The schemes of each alternative requirement, each of which must stand alone.</summary>
    private static List<string> Requirements(JsonElement operation) =>
        [.. operation.GetProperty("security").EnumerateArray().Select(r => r.EnumerateObject().Should().ContainSingle().Subject.Name)];
}
