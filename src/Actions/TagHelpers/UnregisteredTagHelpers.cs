using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions.TagHelpers;

/// <summary>
/// HYB076: a compiled Razor view or page that writes <c>hybrid-action="</c> as plain markup. Razor
/// only runs the form tag helper where <c>@addTagHelper *, Hybrid.Actions</c> is in scope; without
/// it the form renders with no method or action and posts nowhere, silently. The compiled view
/// shows it: with the tag helper the attribute is handed to it, without it the attribute is a
/// string literal the view writes, so the check reads each view's string literals at start-up
/// (no render, milliseconds for an app's views).
/// </summary>
internal static class UnregisteredTagHelpers
{
    private const string Marker = "hybrid-action=";

    public static IEnumerable<HybridConfigurationError> Check(IServiceProvider services)
    {
        if (services.GetService<ApplicationPartManager>() is not { } parts)
        {
            return [];
        }

        var views = new ViewsFeature();
        parts.PopulateFeature(views);
        var found = views.ViewDescriptors
            .Where(v => v.Type is { } type && WritesMarker(type))
            .Select(v => v.RelativePath)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
        return found.Count == 0
            ? []
            : [new HybridConfigurationError(
                "HYB076",
                $"{string.Join(", ", found)} write{(found.Count == 1 ? "s" : "")} <form hybrid-action=...> as plain HTML: the Hybrid tag helpers are not registered for {(found.Count == 1 ? "it" : "them")}, so the form would post nowhere. " +
                "Fix: add @addTagHelper *, Hybrid.Actions to the _ViewImports.cshtml that covers these files (Pages/_ViewImports.cshtml or Views/_ViewImports.cshtml).")];
    }

    /// <summary>True when a method of <paramref name="type"/> (or of its nested types: the async state machine of <c>ExecuteAsync</c>) loads a string literal holding the marker.</summary>
    public static bool WritesMarker(Type type)
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (var method in type.GetMethods(all))
        {
            if (Literals(method).Any(s => s.Contains(Marker, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).Any(WritesMarker);
    }

    /// <summary>
    /// The strings a method body loads: each <c>ldstr</c> (0x72) is followed by a user-string token
    /// (table 0x70). A byte that only looks like one resolves to another literal or fails, and is skipped.
    /// </summary>
    private static IEnumerable<string> Literals(MethodInfo method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception e) when (e is InvalidOperationException or BadImageFormatException or NotSupportedException)
        {
            il = null;
        }

        if (il is null)
        {
            yield break;
        }

        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] != 0x72 || il[i + 4] != 0x70)
            {
                continue;
            }

            string? literal;
            try
            {
                literal = method.Module.ResolveString(BitConverter.ToInt32(il, i + 1));
            }
            catch (ArgumentException)
            {
                literal = null;
            }

            if (literal is not null)
            {
                yield return literal;
            }
        }
    }
}
