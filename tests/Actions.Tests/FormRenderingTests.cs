using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Hybrid.Actions.TagHelpers;
using Hybrid.Testing;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hybrid.Actions.Tests;

/// <summary>
/// The tag helpers render what a failed plain-form post left, read from the real cookie that post
/// set: every kind of input comes back (select single and multiple, repeated checkboxes, indexed
/// names, text areas), secrets never do, and the form itself gets its enctype and a clear HYB075.
/// </summary>
public sealed class FormRenderingTests
{
    private static Task<TestHost> StartAsync() =>
        ActionsHost.StartAsync(o =>
        {
            o.Expose<EditArticle>(op => op.AsAction());
            o.Expose<CreateNote>(op => op.AsAction());
        });

    /// <summary>Posts an invalid EditArticle as a browser without script would, and returns a page request carrying the state cookie it got.</summary>
    private static async Task<HttpContext> FailedPostAsync(TestHost host)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(""), "title" },
            { new StringContent("Dark"), "theme" },
            { new StringContent("a"), "tags" },
            { new StringContent("c"), "tags" },
            { new StringContent("x"), "channels" },
            { new StringContent("z"), "channels" },
            { new StringContent(""), "sections[0].heading" },
            { new StringContent("first body"), "sections[0].body" },
            { new StringContent("Second"), "sections[1].heading" },
            { new StringContent("1234"), "pin" },
            { new StringContent("/articles/new"), "__formUrl" },
        };
        using var post = new HttpRequestMessage(HttpMethod.Post, "/_actions/EditArticle") { Content = content };
        post.Headers.Accept.ParseAdd("text/html");
        using var response = await host.Client.SendAsync(post);
        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location!.OriginalString.Should().Be("/articles/new");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Hybrid.Form=", StringComparison.Ordinal)).Split(';')[0];
        var page = new DefaultHttpContext { RequestServices = host.Services };
        page.Request.Path = "/articles/new";
        page.Request.Headers.Cookie = cookie;
        return page;
    }

    private static TagHelperOutput Output(string tag, params (string Name, object Value)[] attributes) =>
        new(tag, [.. attributes.Select(a => new TagHelperAttribute(a.Name, a.Value))], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));

    private static TagHelperOutput Option(string? value, string text, bool selected = false)
    {
        var attributes = new TagHelperAttributeList();
        if (value is not null)
        {
            attributes.Add("value", new HtmlString(value));
        }

        if (selected)
        {
            attributes.Add("selected", "selected");
        }

        return new TagHelperOutput("option", attributes, (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().SetHtmlContent(text)));
    }

    /// <summary>Opens the form as Razor would, and returns the context its content's tag helpers see.</summary>
    private static (HybridFormTagHelper Form, TagHelperOutput Output, TagHelperContext Inside) OpenForm(HttpContext page, string action)
    {
        var form = new HybridFormTagHelper { Action = action, ViewContext = new ViewContext { HttpContext = page } };
        var items = new Dictionary<object, object>();
        var context = new TagHelperContext("form", [], items, "form");
        form.Init(context);
        var output = Output("form");
        form.Process(context, output);
        return (form, output, new TagHelperContext("x", [], new Dictionary<object, object>(items), "x"));
    }

    private static async Task<IReadOnlyList<string>> SelectedAsync(TagHelperContext form, string name, params TagHelperOutput[] options)
    {
        var select = new HybridSelectTagHelper { Name = name };
        var context = new TagHelperContext("select", [], new Dictionary<object, object>(form.Items), "select");
        select.Init(context);
        var inside = new TagHelperContext("option", [], new Dictionary<object, object>(context.Items), "option");
        var chosen = new List<string>();
        foreach (var option in options)
        {
            await new HybridOptionTagHelper().ProcessAsync(inside, option);
            if (option.Attributes.ContainsName("selected"))
            {
                chosen.Add(option.Attributes.TryGetAttribute("value", out var v) ? v.Value.ToString()! : (await option.GetChildContentAsync()).GetContent());
            }
        }

        return chosen;
    }

    [Fact]
    public async Task A_select_comes_back_with_the_posted_choice_not_the_default()
    {
        await using var host = await StartAsync();
        var (_, _, inside) = OpenForm(await FailedPostAsync(host), "EditArticle");

        (await SelectedAsync(inside, "theme", Option("System", "System", selected: true), Option("Light", "Light"), Option("Dark", "Dark")))
            .Should().Equal("Dark");

        // An option without a value posts its text.
        (await SelectedAsync(inside, "theme", Option(null, " System "), Option(null, "Dark"))).Should().Equal("Dark");
    }

    [Fact]
    public async Task A_multiple_select_and_repeated_checkboxes_come_back_with_every_posted_value()
    {
        await using var host = await StartAsync();
        var (_, _, inside) = OpenForm(await FailedPostAsync(host), "EditArticle");

        (await SelectedAsync(inside, "channels", Option("x", "X"), Option("y", "Y", selected: true), Option("z", "Z"))).Should().Equal("x", "z");

        var boxes = new[] { "a", "b", "c" }.Select(v => Output("input", ("type", "checkbox"), ("name", "tags"), ("value", v), ("checked", "checked"))).ToList();
        foreach (var box in boxes)
        {
            new HybridValueTagHelper { Name = "tags" }.Process(inside, box);
        }

        boxes.Select(b => b.Attributes.ContainsName("checked")).Should().Equal(true, false, true);
    }

    [Fact]
    public async Task Text_inputs_sharing_a_name_get_back_the_posted_values_in_order()
    {
        await using var host = await StartAsync();
        var (_, _, inside) = OpenForm(await FailedPostAsync(host), "EditArticle");

        var inputs = Enumerable.Range(0, 3).Select(_ => Output("input", ("name", "tags"))).ToList();
        foreach (var input in inputs)
        {
            new HybridValueTagHelper { Name = "tags" }.Process(inside, input);
        }

        inputs.Select(i => i.Attributes.TryGetAttribute("value", out var v) ? v.Value : null).Should().Equal("a", "c", null);
    }

    [Fact]
    public async Task Indexed_names_get_back_their_values_and_errors_and_secrets_never_come_back()
    {
        await using var host = await StartAsync();
        var (_, _, inside) = OpenForm(await FailedPostAsync(host), "EditArticle");

        var second = Output("input", ("type", "text"), ("name", "sections[1].heading"));
        new HybridValueTagHelper { Name = "sections[1].heading" }.Process(inside, second);
        second.Attributes["value"].Value.Should().Be("Second");

        var body = Output("textarea", ("name", "sections[0].body"));
        new HybridValueTagHelper { Name = "sections[0].body" }.Process(inside, body);
        body.Content.GetContent().Should().Be("first body");

        var error = Output("span");
        new HybridErrorTagHelper { Field = "sections[0].heading" }.Process(inside, error);
        error.Content.GetContent().Should().NotBeNullOrEmpty("one submit reports the nested [Required] too");
        var titleError = Output("span");
        new HybridErrorTagHelper { Field = "title" }.Process(inside, titleError);
        titleError.Content.GetContent().Should().NotBeNullOrEmpty();

        var pin = Output("input", ("type", "text"), ("name", "pin"));
        new HybridValueTagHelper { Name = "pin" }.Process(inside, pin);
        pin.Attributes.ContainsName("value").Should().BeFalse("a [DataType(Password)] member is never echoed, whatever the input's type");
    }

    [Fact]
    public async Task A_5000_character_field_with_an_error_comes_back_whole_after_the_303()
    {
        await using var host = await StartAsync();
        var typed = string.Concat(Enumerable.Range(0, 500).Select(i => $"line {i:D4}\n"));
        typed.Length.Should().Be(5000);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/_actions/CreateNote")
        {
            Content = new FormUrlEncodedContent([new("title", typed), new("priority", "9"), new("__formUrl", "/notes/new")]),
        };
        post.Headers.Accept.ParseAdd("text/html");
        using var response = await host.Client.SendAsync(post);
        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Hybrid.Form=", StringComparison.Ordinal)).Split(';')[0];
        cookie.Length.Should().BeLessThan(1000, "the cookie names where the state is kept, not the state");

        // The page the 303 leads to, rendered with the tag helpers.
        var page = new DefaultHttpContext { RequestServices = host.Services };
        page.Request.Path = response.Headers.Location!.OriginalString;
        page.Request.Headers.Cookie = cookie;
        var (_, _, inside) = OpenForm(page, "CreateNote");
        var title = Output("textarea", ("name", "title"));
        new HybridValueTagHelper { Name = "title" }.Process(inside, title);
        var priority = Output("input", ("type", "number"), ("name", "priority"));
        new HybridValueTagHelper { Name = "priority" }.Process(inside, priority);
        var titleError = Output("span");
        new HybridErrorTagHelper { Field = "title" }.Process(inside, titleError);

        WebUtility.HtmlDecode(title.Content.GetContent()).Should().Be(typed);
        priority.Attributes["value"].Value.Should().Be("9");
        titleError.Content.GetContent().Should().Contain("20");

        // A reload finds nothing: the kept state was taken by the first read.
        var reload = new DefaultHttpContext { RequestServices = host.Services };
        reload.Request.Headers.Cookie = cookie;
        reload.GetHybridFormState().Should().BeNull();
    }

    [Fact]
    public async Task A_field_with_errors_is_marked_invalid_and_described_by_its_error_as_the_script_marks_it()
    {
        await using var host = await StartAsync();
        var (_, _, inside) = OpenForm(await FailedPostAsync(host), "EditArticle");

        var title = Output("input", ("name", "title"), ("aria-describedby", "title-hint"));
        new HybridValueTagHelper { Name = "title" }.Process(inside, title);
        var heading = Output("input", ("name", "sections[0].heading"));
        new HybridValueTagHelper { Name = "sections[0].heading" }.Process(inside, heading);
        var theme = Output("select", ("name", "theme"));
        new HybridSelectTagHelper { Name = "theme" }.Process(inside, theme);
        var titleError = Output("span");
        new HybridErrorTagHelper { Field = "Title" }.Process(inside, titleError);
        var headingError = Output("span");
        new HybridErrorTagHelper { Field = "sections[0].heading" }.Process(inside, headingError);

        title.Attributes["aria-invalid"].Value.Should().Be("true");
        title.Attributes["aria-describedby"].Value.Should().Be("title-hint hybrid-editarticle-title-error", "the page's own description stays first");
        titleError.Attributes["id"].Value.Should().Be("hybrid-editarticle-title-error");
        heading.Attributes["aria-invalid"].Value.Should().Be("true");
        heading.Attributes["aria-describedby"].Value.Should().Be(headingError.Attributes["id"].Value);
        theme.Attributes.ContainsName("aria-invalid").Should().BeFalse("the theme has no error");
        theme.Attributes.ContainsName("aria-describedby").Should().BeFalse();
    }

    [Fact]
    public async Task An_error_slot_keeps_its_own_id_and_a_second_form_of_the_action_gets_its_own_ids()
    {
        await using var host = await StartAsync();
        var page = await FailedPostAsync(host);
        var (_, _, first) = OpenForm(page, "EditArticle");
        var (_, _, second) = OpenForm(page, "EditArticle");

        var own = Output("span", ("id", "my-title-error"));
        new HybridErrorTagHelper { Field = "title" }.Process(first, own);
        var title = Output("input", ("name", "title"));
        new HybridValueTagHelper { Name = "title" }.Process(first, title);
        var secondError = Output("span");
        new HybridErrorTagHelper { Field = "title" }.Process(second, secondError);

        own.Attributes["id"].Value.Should().Be("my-title-error");
        title.Attributes["aria-describedby"].Value.Should().Be("my-title-error", "a slot before its field names itself");
        secondError.Attributes["id"].Value.Should().Be("hybrid-editarticle-2-title-error");
    }

    [Fact]
    public async Task A_form_for_an_action_with_a_file_member_posts_multipart()
    {
        await using var host = await StartAsync();
        var page = new DefaultHttpContext { RequestServices = host.Services };

        OpenForm(page, "EditArticle").Output.Attributes["enctype"].Value.Should().Be("multipart/form-data");
        OpenForm(page, "CreateNote").Output.Attributes.ContainsName("enctype").Should().BeFalse();

        // A form that sets its own enctype keeps it.
        var own = new HybridFormTagHelper { Action = "EditArticle", ViewContext = new ViewContext { HttpContext = page } };
        var context = new TagHelperContext("form", [], new Dictionary<object, object>(), "form");
        var output = Output("form", ("enctype", "text/plain"));
        own.Init(context);
        own.Process(context, output);
        output.Attributes["enctype"].Value.Should().Be("text/plain");
    }

    [Fact]
    public async Task A_form_naming_no_action_fails_its_first_render_with_HYB075_and_the_closest_ids()
    {
        await using var host = await StartAsync();
        var page = new DefaultHttpContext { RequestServices = host.Services };

        var render = () => OpenForm(page, "EditArticel");

        render.Should().Throw<InvalidOperationException>()
            .Which.Message.Should().StartWith("HYB075: <form hybrid-action=\"EditArticel\"> names no action")
            .And.Contain("Closest action ids: EditArticle");
    }

    [Fact]
    public async Task The_html_helper_returns_every_posted_value_of_a_name()
    {
        await using var host = await StartAsync();
        var page = await FailedPostAsync(host);
        var state = page.GetHybridFormState("EditArticle")!;

        state.ValuesOf("tags").Should().Equal("a", "c");
        state.ValueOf("theme").Should().Be("Dark");
        state.ValuesOf("pin").Should().BeEmpty();
        state.ValuesOf("missing").Should().BeEmpty();
    }
}
