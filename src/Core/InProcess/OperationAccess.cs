using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid;

/// <summary>
/// What an in-process call of an operation must pass, read from the same resolved settings the doors
/// use: the final metadata of every endpoint the doors mapped for it. Each endpoint's authorization
/// is combined the way ASP.NET Core's authorization middleware combines it (authorize data,
/// policies, requirement data, the fallback policy, <c>[AllowAnonymous]</c>), and a user may run the
/// operation in-process when one of its endpoints would let that user through: never more than the
/// user could do through a door.
/// </summary>
internal sealed class OperationAccess(IServiceProvider services, EndpointSettingsStore settings, EndpointPolicies policies)
{
    private Dictionary<Type, Entry>? _byRequestType;

    /// <summary>
    /// The operation of <paramref name="requestType"/> and its endpoints' settings; throws
    /// <see cref="InvalidOperationException"/> when it is not an exposed operation or no door mapped it.
    /// </summary>
    public Entry Of(Type requestType)
    {
        var map = _byRequestType ??= Build();
        if (map.TryGetValue(requestType, out var entry))
        {
            return entry;
        }

        var exposed = services.GetRequiredService<OperationCatalog>().Operations.Any(o => o.RequestType == requestType);
        throw new InvalidOperationException(exposed
            ? $"{requestType.FullName} is an exposed operation, but no door mapped an endpoint for it, so it has no settings to apply. Map its door (app.MapHybridActions(), app.MapHybridRest()) before the app runs."
            : $"{requestType.FullName} is not an exposed operation, so it has no policy or validation for HybridSender to apply. Expose it ([Action], a REST route, or options.Expose<T>()), or send it with IMediator when it is a private request of the app.");
    }

    /// <summary>Whether one of the operation's endpoints would let <paramref name="user"/> through, as the authorization middleware judges it.</summary>
    public async Task<bool> AllowsAsync(Entry entry, ClaimsPrincipal user, HttpContext context)
    {
        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        foreach (var endpoint in entry.Endpoints)
        {
            var policy = await policies.OfAsync(endpoint, context.RequestServices).ConfigureAwait(false);
            if (policy is null || (await authorization.AuthorizeAsync(user, context, policy).ConfigureAwait(false)).Succeeded)
            {
                return true;
            }
        }

        return false;
    }

    private Dictionary<Type, Entry> Build()
    {
        var endpoints = new Dictionary<Type, List<EndpointSettings>>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<HybridEndpointMetadata>() is not { } hybrid)
            {
                continue;
            }

            var resolved = settings.Of(hybrid);
            if (!endpoints.TryGetValue(hybrid.Operation.RequestType, out var list))
            {
                endpoints.Add(hybrid.Operation.RequestType, list = []);
            }

            if (!list.Contains(resolved))
            {
                list.Add(resolved);
            }
        }

        return endpoints.ToDictionary(e => e.Key, e => new Entry(e.Value[0].Operation, [.. e.Value], Revalidations(e.Value)));
    }

    /// <summary>What any of the endpoints makes stale, each distinct declaration once (an action and a REST write usually declare the same).</summary>
    private static OperationRevalidation[] Revalidations(List<EndpointSettings> endpoints)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var revalidations = new List<OperationRevalidation>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Revalidation is { } revalidation && seen.Add(string.Join('\n', endpoint.Revalidates)))
            {
                revalidations.Add(revalidation);
            }
        }

        return [.. revalidations];
    }

    /// <summary>One operation as the in-process sender sees it.</summary>
    /// <param name="Operation">The operation.</param>
    /// <param name="Endpoints">The settings of each endpoint the doors mapped for it.</param>
    /// <param name="Revalidations">What a success makes stale.</param>
    internal sealed record Entry(HybridOperation Operation, IReadOnlyList<EndpointSettings> Endpoints, IReadOnlyList<OperationRevalidation> Revalidations);
}
