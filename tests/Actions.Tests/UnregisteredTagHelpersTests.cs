using Hybrid.Testing;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions.Tests;

/// <summary>
/// HYB076: a compiled view whose <c>&lt;form hybrid-action&gt;</c> no Hybrid tag helper renders stops
/// the app at start-up, in the one report, naming the file and the fix. The views are real: Razor
/// compiles TagHelperViews/ into this assembly, each folder under its own <c>_ViewImports.cshtml</c>
/// (the default <c>dotnet new webapp</c> one with MVC's tag helpers only, none at all, and both
/// lines), and MVC's real view discovery hands them to the check.
/// </summary>
public sealed class UnregisteredTagHelpersTests
{
    private const string DefaultWebapp = "/TagHelperViews/DefaultWebapp/Pages/Notes.cshtml";
    private const string NoImports = "/TagHelperViews/NoImports/Pages/Notes.cshtml";
    private const string BothLines = "/TagHelperViews/BothLines/Pages/Notes.cshtml";

    private static Task<TestHost> StartAsync(params string[] views) =>
        ActionsHost.StartAsync(services: s => s.AddRazorPages().PartManager.ApplicationParts.Add(new CompiledViews(views)));

    [Fact]
    public async Task A_form_under_the_default_webapp_view_imports_stops_the_app_with_HYB076()
    {
        var start = () => StartAsync(DefaultWebapp, BothLines);

        var error = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Id.Should().Be("HYB076");
        error.Message.Should().StartWith(DefaultWebapp + " writes <form hybrid-action=...> that no Hybrid tag helper renders")
            .And.Contain("Fix: add @addTagHelper *, Hybrid.Actions")
            .And.NotContain("BothLines");
    }

    [Fact]
    public async Task A_form_under_no_view_imports_stops_the_app_with_HYB076()
    {
        var start = () => StartAsync(NoImports);

        var error = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Id.Should().Be("HYB076");
        error.Message.Should().StartWith(NoImports + " writes");
    }

    [Fact]
    public async Task Every_such_view_is_named_in_one_error()
    {
        var start = () => StartAsync(NoImports, DefaultWebapp);

        var error = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Message.Should().StartWith($"{DefaultWebapp}, {NoImports} write <form hybrid-action=...>");
    }

    [Fact]
    public async Task A_view_with_both_tag_helper_lines_starts()
    {
        await using var host = await StartAsync(BothLines);
        host.Services.Should().NotBeNull();
    }

    /// <summary>The compiled views of this assembly whose paths are given, as MVC's own loader reads them.</summary>
    private sealed class CompiledViews(IReadOnlyCollection<string> paths) : ApplicationPart, IRazorCompiledItemProvider
    {
        public override string Name => "Hybrid.Actions.Tests.TagHelperViews";

        public IEnumerable<RazorCompiledItem> CompiledItems =>
            new RazorCompiledItemLoader().LoadItems(typeof(UnregisteredTagHelpersTests).Assembly).Where(i => paths.Contains(i.Identifier));
    }
}
