using Hybrid.Testing;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions.Tests;

/// <summary>
/// HYB076: a compiled view that writes <c>hybrid-action="</c> as plain HTML (no <c>@addTagHelper</c>
/// in scope) stops the app at start-up, in the one report, naming the file and the fix. The views
/// are compiled types handed to MVC's real view discovery, shaped as Razor compiles them: the
/// literal written from an async method's state machine.
/// </summary>
public sealed class UnregisteredTagHelpersTests
{
    private static Task<TestHost> StartAsync(params RazorCompiledItem[] views) =>
        ActionsHost.StartAsync(services: s => s.AddRazorPages().PartManager.ApplicationParts.Add(new CompiledViews(views)));

    [Fact]
    public async Task A_view_writing_the_form_as_plain_html_stops_the_app_with_HYB076()
    {
        var start = () => StartAsync(
            new View(typeof(PlainFormView), "/Pages/Settings.cshtml"),
            new View(typeof(HelpedFormView), "/Pages/Post.cshtml"));

        var error = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Id.Should().Be("HYB076");
        error.Message.Should().StartWith("/Pages/Settings.cshtml writes <form hybrid-action=...> as plain HTML")
            .And.Contain("@addTagHelper *, Hybrid.Actions")
            .And.NotContain("Post.cshtml");
    }

    [Fact]
    public async Task Views_whose_forms_the_tag_helper_renders_start()
    {
        await using var host = await StartAsync(new View(typeof(HelpedFormView), "/Pages/Post.cshtml"));
        host.Services.Should().NotBeNull();
    }

    [Fact]
    public void The_literal_is_found_inside_an_async_state_machine_and_not_in_tag_helper_calls()
    {
        Hybrid.Actions.TagHelpers.UnregisteredTagHelpers.WritesMarker(typeof(PlainFormView)).Should().BeTrue();
        Hybrid.Actions.TagHelpers.UnregisteredTagHelpers.WritesMarker(typeof(HelpedFormView)).Should().BeFalse();
    }

    /// <summary>What Razor compiles without the tag helpers: the attribute is part of a literal the view writes.</summary>
    private sealed class PlainFormView
    {
        public async Task ExecuteAsync(TextWriter output)
        {
            await Task.Yield();
            await output.WriteAsync("<form hybrid-action=\"CreateNote\" hybrid-enhance>");
        }
    }

    /// <summary>What Razor compiles with them: the attribute's name is handed to the tag helper run, with no <c>=</c>.</summary>
    private sealed class HelpedFormView
    {
        public async Task ExecuteAsync(IDictionary<string, object> attributes)
        {
            await Task.Yield();
            attributes["hybrid-action"] = "CreateNote";
        }
    }

    private sealed class View(Type type, string path) : RazorCompiledItem
    {
        public override string Identifier => path;

        public override string Kind => "mvc.1.0.razor-page";

        public override IReadOnlyList<object> Metadata => [];

        public override Type Type => type;
    }

    private sealed class CompiledViews(IReadOnlyList<RazorCompiledItem> items) : ApplicationPart, IRazorCompiledItemProvider
    {
        public override string Name => "Hybrid.Actions.Tests.Views";

        public IEnumerable<RazorCompiledItem> CompiledItems => items;
    }
}
