using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Hybrid;

/// <summary>
/// Who may call one endpoint, in the inventory's words, read from its final metadata as ASP.NET
/// Core's authorization middleware combines it: <c>anonymous</c> when any <see cref="IAllowAnonymous"/>
/// is present, the named policies, roles, requirements and schemes of every <see cref="IAuthorizeData"/>,
/// <see cref="AuthorizationPolicy"/> and <see cref="IAuthorizationRequirementData"/>, the fallback
/// policy when there is none of those but the app set one, else <see cref="None"/>.
/// </summary>
internal static class PolicyText
{
    /// <summary>No policy and no explicit anonymous access: anyone may call the endpoint, by omission.</summary>
    public const string None = "NONE";

    public const string Anonymous = "anonymous";

    public static string Of(IReadOnlyList<object> metadata, bool hasFallbackPolicy)
    {
        var states = false;
        foreach (var item in metadata)
        {
            if (item is IAllowAnonymous)
            {
                return Anonymous;
            }

            states |= item is IAuthorizeData or AuthorizationPolicy or IAuthorizationRequirementData;
        }

        if (!states)
        {
            return hasFallbackPolicy ? "fallback policy" : None;
        }

        var parts = new List<string>();
        var schemes = new List<string>();
        var requires = false;
        var authorizeData = false;
        var replacesDefault = false;
        foreach (var item in metadata)
        {
            switch (item)
            {
                case IAuthorizeData data:
                    requires = authorizeData = true;
                    replacesDefault |= !string.IsNullOrWhiteSpace(data.Policy) || !string.IsNullOrWhiteSpace(data.Roles);
                    AddDistinct(parts, string.IsNullOrWhiteSpace(data.Policy) ? null : "policy: " + data.Policy.Trim());
                    AddDistinct(parts, string.IsNullOrWhiteSpace(data.Roles) ? null : "roles: " + List(data.Roles.Split(',')));
                    schemes.AddRange(Split(data.AuthenticationSchemes));
                    break;
                case AuthorizationPolicy policy:
                    requires = replacesDefault = true;
                    foreach (var requirement in policy.Requirements)
                    {
                        AddDistinct(parts, Describe(requirement));
                    }

                    schemes.AddRange(policy.AuthenticationSchemes);
                    break;
                case IAuthorizationRequirementData requirementData:
                    requires = true;
                    foreach (var requirement in requirementData.GetRequirements())
                    {
                        AddDistinct(parts, Describe(requirement));
                    }

                    break;
                default:
                    break;
            }
        }

        if (!requires)
        {
            return hasFallbackPolicy ? "fallback policy" : None;
        }

        if (authorizeData && !replacesDefault)
        {
            // As AuthorizationPolicy.CombineAsync: [Authorize] naming no policy and no roles, with nothing
            // else naming one, means AuthorizationOptions.DefaultPolicy (an authenticated user unless the app changed it).
            parts.Insert(0, "default policy");
        }

        var distinctSchemes = schemes.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (distinctSchemes.Count > 0)
        {
            parts.Add("schemes: " + string.Join(", ", distinctSchemes));
        }

        return string.Join("; ", parts);
    }

    private static string Describe(IAuthorizationRequirement requirement) => requirement switch
    {
        DenyAnonymousAuthorizationRequirement => "authenticated",
        RolesAuthorizationRequirement roles => "roles: " + List(roles.AllowedRoles),
        ClaimsAuthorizationRequirement claims => "claim: " + claims.ClaimType + (claims.AllowedValues is { } values && values.Any() ? " = " + List(values) : string.Empty),
        NameAuthorizationRequirement name => "name: " + name.RequiredName,
        _ => "requirement: " + (requirement.GetType().FullName ?? requirement.GetType().Name),
    };

    private static string List(IEnumerable<string> values) => string.Join(", ", values.Select(v => v.Trim()).Where(v => v.Length > 0));

    private static string[] Split(string? values) => string.IsNullOrWhiteSpace(values) ? [] : values.Split(',');

    private static void AddDistinct(List<string> parts, string? part)
    {
        if (part is not null && !parts.Contains(part, StringComparer.Ordinal))
        {
            parts.Add(part);
        }
    }
}
