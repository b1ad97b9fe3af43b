using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Hybrid.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hybrid.Mcp.Tests;

/// <summary>
/// A door that takes JWT bearer tokens serves its protected-resource metadata (RFC 9728) and answers
/// an anonymous call of a protected tool with the 401 challenge MCP clients follow to get a token.
/// </summary>
public sealed class BearerChallengeTests
{
    private const string Authority = "https://login.example.test";

    private static readonly SymmetricSecurityKey Key = new(Convert.FromBase64String("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA=="));

    [Fact]
    public async Task The_door_serves_its_protected_resource_metadata()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("/.well-known/oauth-protected-resource/mcp");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var metadata = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        metadata.RootElement.GetProperty("resource").GetString().Should().Be(new Uri(host.Client.BaseAddress!, "/mcp").ToString());
        metadata.RootElement.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()).Should().Equal(Authority);
        metadata.RootElement.GetProperty("bearer_methods_supported").EnumerateArray().Select(e => e.GetString()).Should().Equal("header");
    }

    [Fact]
    public async Task An_anonymous_call_of_a_protected_tool_is_challenged_with_the_metadata_and_a_token_gets_through()
    {
        await using var host = await StartAsync();

        using var anonymous = await host.Client.SendAsync(ToolCallTests.Rpc("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"WhoAmI"}}"""));
        await anonymous.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        anonymous.Headers.WwwAuthenticate.ToString().Should().Be($"Bearer resource_metadata=\"{new Uri(host.Client.BaseAddress!, "/.well-known/oauth-protected-resource/mcp")}\"");

        // An anonymous tool is still answered, and the list shows an anonymous caller its tools only.
        await using var guest = await host.ConnectAsync();
        (await guest.ListToolsAsync()).Select(t => t.Name).Should().NotContain("WhoAmI").And.Contain("ListNotes");
        (await guest.CallToolAsync("ListNotes")).IsError.Should().NotBe(true);

        await using var signedIn = await host.ConnectWithTokenAsync(Token("carol"));
        (await signedIn.CallToolAsync("WhoAmI")).StructuredContent!.Value.GetProperty("result").GetString().Should().Be("carol");
    }

    internal static Task<TestHost> StartAsync(Type[]? types = null) =>
        TestHost.StartOnKestrelAsync(
            [new ScannedTypes(types ?? McpHost.NoteTypes)],
            options =>
            {
                options.Mcp().AuthenticationSchemes.Add(JwtBearerDefaults.AuthenticationScheme);
                options.Mcp().AuthorizationServers.Add(Authority);
            },
            services =>
            {
                services.AddSingleton<NoteStore>();
                services.AddSingleton<TickProbe>();
                services.AddRequestTimeouts();
                services.AddHybridMcp();
                services.AddAuthentication().AddJwtBearer(o =>
                {
                    o.MapInboundClaims = false;
                    o.TokenValidationParameters = new TokenValidationParameters
                    {
                        ValidIssuer = Authority, ValidAudience = "notes", IssuerSigningKey = Key, NameClaimType = "name",
                    };
                });
                services.AddAuthorization();
                services.AddRateLimiter(_ => { });
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapHybridMcp();
            });

    internal static string Token(string name, TimeSpan? lifetime = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity([new Claim("sub", name), new Claim("name", name)]),
        Issuer = Authority,
        Audience = "notes",
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        Expires = DateTime.UtcNow + (lifetime ?? TimeSpan.FromMinutes(5)),
        SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
    });
}
