using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Hybrid.Contract.Tests;

/// <summary>A gauge reading, the result of <see cref="ReadGauge"/> and <see cref="ReadGuardedGauge"/>.</summary>
public sealed record GaugeReading(string Name, int Value);

/// <summary>Exposed in code only: each test declares its own policy on it.</summary>
public sealed class ReadGauge : IRequest<GaugeReading>
{
    public string Name { get; set; } = "";
}

public sealed class ReadGaugeHandler : IRequestHandler<ReadGauge, GaugeReading>
{
    public Task<GaugeReading> Handle(ReadGauge request, CancellationToken cancellationToken) => Task.FromResult(new GaugeReading(request.Name, 42));
}

/// <summary>Names its policy by attribute; exposed in code, so the assembly's other hosts never map it.</summary>
[Authorize(Policy = PolicyNames.Undefined)]
public sealed class ReadGuardedGauge : IRequest<GaugeReading>
{
    public string Name { get; set; } = "";
}

public sealed class ReadGuardedGaugeHandler : IRequestHandler<ReadGuardedGauge, GaugeReading>
{
    public Task<GaugeReading> Handle(ReadGuardedGauge request, CancellationToken cancellationToken) => Task.FromResult(new GaugeReading(request.Name, 7));
}

public static class PolicyNames
{
    public const string Undefined = "NoSuchPolicy";

    /// <summary>What <see cref="RolePolicyProvider"/> makes on the fly: <c>role:</c> and the role the user needs.</summary>
    public const string RolePrefix = "role:";
}

/// <summary>
/// A provider of the kind ASP.NET Core's docs show: policies made from their names on the fly
/// (<c>role:gauges</c> requires the role <c>gauges</c>), none of them registered; other names go
/// to the default provider.
/// </summary>
public sealed class RolePolicyProvider(IOptions<AuthorizationOptions> options) : IAuthorizationPolicyProvider
{
    private readonly DefaultAuthorizationPolicyProvider _fallback = new(options);

    public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        policyName.StartsWith(PolicyNames.RolePrefix, StringComparison.Ordinal)
            ? Task.FromResult<AuthorizationPolicy?>(new AuthorizationPolicyBuilder().RequireRole(policyName[PolicyNames.RolePrefix.Length..]).Build())
            : _fallback.GetPolicyAsync(policyName);

    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => _fallback.GetDefaultPolicyAsync();

    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => _fallback.GetFallbackPolicyAsync();
}

/// <summary>
/// A provider that can only answer inside a request (a tenant's policies read from the current
/// request): outside one it throws. Each name is a role the user needs.
/// </summary>
public sealed class PerRequestPolicyProvider(Microsoft.AspNetCore.Http.IHttpContextAccessor accessor, IOptions<AuthorizationOptions> options) : IAuthorizationPolicyProvider
{
    private readonly DefaultAuthorizationPolicyProvider _fallback = new(options);

    public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        accessor.HttpContext is null
            ? throw new InvalidOperationException("Policies are read from the current request.")
            : Task.FromResult<AuthorizationPolicy?>(new AuthorizationPolicyBuilder().RequireRole(policyName).Build());

    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => _fallback.GetDefaultPolicyAsync();

    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => _fallback.GetFallbackPolicyAsync();
}
