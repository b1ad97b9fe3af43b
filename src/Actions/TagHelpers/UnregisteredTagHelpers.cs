using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions.TagHelpers;

/// <summary>
/// HYB076: a compiled Razor view or page whose <c>&lt;form hybrid-action="..."&gt;</c> no Hybrid tag
/// helper renders. Razor only runs the form tag helper where <c>@addTagHelper *, Hybrid.Actions</c>
/// is in scope; without it the form renders with no method or action and posts nowhere, silently.
/// The compiled view shows it, in one of two ways: with no tag helper on <c>&lt;form&gt;</c> at all the
/// attribute is part of a markup literal the view writes (<c>hybrid-action="</c>); with MVC's tag
/// helpers registered (the default <c>dotnet new webapp</c> <c>_ViewImports.cshtml</c>) MVC's
/// <c>FormTagHelper</c> claims the element and the attribute is an unbound HTML attribute, its name a
/// literal, while the view holds no <see cref="HybridFormTagHelper"/>. Razor declares a field for
/// each tag helper a file uses, so the check reads each view's fields and string literals at
/// start-up (no render, milliseconds for an app's views).
/// </summary>
internal static class UnregisteredTagHelpers
{
    private const string Attribute = "hybrid-action";

    // The attribute written as markup, not the data-hybrid-action the tag helper renders.
    private static readonly Regex Markup = new(@"(?<![\w-])hybrid-action\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static IEnumerable<HybridConfigurationError> Check(IServiceProvider services)
    {
        if (services.GetService<ApplicationPartManager>() is not { } parts)
        {
            return [];
        }

        var views = new ViewsFeature();
        parts.PopulateFeature(views);
        var found = views.ViewDescriptors
            .Where(v => v.Type is { } type && LeavesFormUnrendered(type))
            .Select(v => v.RelativePath)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
        return found.Count == 0
            ? []
            : [new HybridConfigurationError(
                "HYB076",
                $"{string.Join(", ", found)} write{(found.Count == 1 ? "s" : "")} <form hybrid-action=...> that no Hybrid tag helper renders: @addTagHelper *, Hybrid.Actions does not cover {(found.Count == 1 ? "it" : "them")} " +
                "(MVC's own tag helpers, which the default _ViewImports.cshtml registers, leave hybrid-action as a plain attribute), so the form would post nowhere. " +
                "Fix: add @addTagHelper *, Hybrid.Actions to the _ViewImports.cshtml that covers these files (Pages/_ViewImports.cshtml or Views/_ViewImports.cshtml), beside MVC's line.")];
    }

    /// <summary>
    /// True when <paramref name="type"/> writes the attribute as markup, or hands it as an HTML
    /// attribute to another tag helper without using Hybrid's form tag helper.
    /// </summary>
    public static bool LeavesFormUnrendered(Type type)
    {
        var literals = LiteralsOf(type).ToList();
        return literals.Any(s => Markup.IsMatch(s)) ||
            (literals.Any(s => string.Equals(s, Attribute, StringComparison.OrdinalIgnoreCase)) && !UsesFormTagHelper(type));
    }

    /// <summary>Razor declares one field per tag helper type a file uses, on the view's class.</summary>
    private static bool UsesFormTagHelper(Type type) =>
        type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public).Any(f => f.FieldType == typeof(HybridFormTagHelper)) ||
        type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).Any(UsesFormTagHelper);

    /// <summary>
    /// The string literals of <paramref name="type"/>'s methods and constructors (a static field's
    /// initializer, as Razor writes an unbound attribute, runs in the type's static constructor) and of
    /// its nested types: the async state machine of <c>ExecuteAsync</c>.
    /// </summary>
    private static IEnumerable<string> LiteralsOf(Type type)
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var bodies = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all));
        return bodies.SelectMany(Literals).Concat(type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(LiteralsOf));
    }

    /// <summary>
    /// The strings a method body loads: each <c>ldstr</c> (0x72) is followed by a user-string token
    /// (table 0x70). A byte that only looks like one resolves to another literal or fails, and is skipped.
    /// </summary>
    private static IEnumerable<string> Literals(MethodBase method)
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
