using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ModelContextProtocol;
using ModelContextProtocol.Authentication;

namespace Hybrid.Mcp;

/// <summary>
/// What MCP clients expect of a server that takes OAuth bearer tokens (MCP authorization, RFC 9728):
/// protected-resource metadata at <c>/.well-known/oauth-protected-resource{Path}</c> naming the
/// resource and its authorization servers, and a <c>401</c> whose <c>WWW-Authenticate: Bearer</c>
/// points at it (<c>resource_metadata</c>), so a client can find where to get a token and retry.
/// Made only when the door's schemes (else the app's default) include a JWT bearer scheme.
/// </summary>
internal sealed class McpChallenge(string doorPath, IReadOnlyList<string> authorizationServers, string resourceName)
{
    /// <summary>Where RFC 9728 puts the metadata of a resource at a path: this prefix, then the path.</summary>
    public const string WellKnown = "/.well-known/oauth-protected-resource";

    private const string JwtBearerHandler = "Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler";

    /// <summary>The path the metadata is served at.</summary>
    public string MetadataPath => WellKnown + doorPath;

    /// <summary>The challenge for the door's schemes, or <see langword="null"/> when none of them is a JWT bearer scheme.</summary>
    public static McpChallenge? For(IServiceProvider services, McpDoorOptions door, string resourceName)
    {
        var schemes = services.GetService<IAuthenticationSchemeProvider>();
        if (schemes is null)
        {
            return null;
        }

        // Read once when the door is mapped; the provider's schemes are configured by then.
        var names = door.AuthenticationSchemes.Count > 0
            ? door.AuthenticationSchemes
            : schemes.GetDefaultAuthenticateSchemeAsync().GetAwaiter().GetResult() is { } fallback ? [fallback.Name] : [];
        var jwt = names.Select(n => schemes.GetSchemeAsync(n).GetAwaiter().GetResult()).FirstOrDefault(s => s is not null && IsJwtBearer(s.HandlerType));
        if (jwt is null)
        {
            return null;
        }

        var servers = door.AuthorizationServers.Count > 0 ? [.. door.AuthorizationServers] : AuthorityOf(services, jwt);
        return new McpChallenge(door.Path, servers, resourceName);
    }

    /// <summary>The URL of the metadata, for the <c>resource_metadata</c> of a challenge.</summary>
    public string MetadataUrl(HttpRequest request) => $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase}{MetadataPath}";

    /// <summary>Answers 401 with the challenge and the <c>unauthorized</c> problem every door gives.</summary>
    public Task ChallengeAsync(HttpContext context)
    {
        context.Response.Headers.Append(HeaderNames.WWWAuthenticate, $"Bearer resource_metadata=\"{MetadataUrl(context.Request)}\"");
        return ProblemWriter.WriteAsync(context, RefusalAnswer.Unauthorized);
    }

    /// <summary>Serves the metadata: the resource is the door's URL on the host it was asked on.</summary>
    public Task ServeAsync(HttpContext context)
    {
        var request = context.Request;
        var metadata = new ProtectedResourceMetadata
        {
            Resource = $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase}{doorPath}",
            AuthorizationServers = [.. authorizationServers],
            BearerMethodsSupported = ["header"],
            ResourceName = resourceName,
        };
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, metadata, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ProtectedResourceMetadata)), context.RequestAborted);
    }

    private static bool IsJwtBearer(Type? handler)
    {
        for (var type = handler; type is not null; type = type.BaseType)
        {
            if (type.FullName == JwtBearerHandler)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The JWT bearer scheme's <c>Authority</c>, read through its named options without a reference to
    /// the JWT bearer package (an app that takes no tokens does not carry it).
    /// </summary>
    private static string[] AuthorityOf(IServiceProvider services, AuthenticationScheme scheme)
    {
        var optionsType = scheme.HandlerType.Assembly.GetType("Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions");
        if (optionsType is null || services.GetService(typeof(IOptionsMonitor<>).MakeGenericType(optionsType)) is not { } monitor)
        {
            return [];
        }

        var options = monitor.GetType().GetMethod(nameof(IOptionsMonitor<object>.Get))?.Invoke(monitor, [scheme.Name]);
        return optionsType.GetProperty("Authority")?.GetValue(options) is string { Length: > 0 } authority ? [authority] : [];
    }
}
