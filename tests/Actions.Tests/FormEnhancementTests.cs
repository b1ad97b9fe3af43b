using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hybrid.Actions.TagHelpers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Hybrid.Actions.Tests;

/// <summary>
/// What the enhancement script (hybrid.js) relies on from the server: a form posted with
/// <c>Accept: application/json</c> is answered as JSON with the plain post's 303 target in
/// <c>Hybrid-Redirect</c> (one server path), return URLs with placeholders filled from the result and
/// kept local, and the tag helpers that write its <c>data-</c> attributes and its script tag.
/// </summary>
public sealed class FormEnhancementTests
{
    [Fact]
    public async Task A_form_post_asking_for_json_gets_the_result_and_where_the_plain_post_would_go()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("CreateNote", xsrf, [new("title", "Enhanced"), new("__returnUrl", "/notes?page=2")], accept: "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Location.Should().BeNull();
        response.Headers.GetValues("Hybrid-Redirect").Should().Equal("/notes?page=2");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().Should().Be("Enhanced");
    }

    [Fact]
    public async Task A_failed_form_post_asking_for_json_gets_the_problem_and_no_state_cookie()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("CreateNote", xsrf, [new("title", ""), new("__returnUrl", "/notes")], accept: "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Contains("Hybrid-Redirect").Should().BeFalse();
        response.Headers.TryGetValues("Set-Cookie", out var cookies).Should().BeFalse(string.Join("; ", cookies ?? []));
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("title", out _).Should().BeTrue();
    }

    [Theory]
    [InlineData(null, "/notes/1")]
    [InlineData("application/json", "/notes/1")]
    public async Task A_return_url_template_is_filled_from_the_result_on_both_paths(string? accept, string expected)
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("CreateNote", xsrf, [new("title", "Templated"), new("__returnUrl", "/notes/{ID}")], accept));

        if (accept is null)
        {
            response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
            response.Headers.Location.Should().Be(new Uri(expected, UriKind.Relative));
        }
        else
        {
            response.Headers.GetValues("Hybrid-Redirect").Should().Equal(expected);
        }
    }

    [Fact]
    public async Task A_filled_value_is_one_escaped_path_segment_so_the_url_stays_local()
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost("CreateNote", xsrf, [new("title", "/evil.example?x"), new("__returnUrl", "/{title}/edit")]));

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location!.OriginalString.Should().Be("/%2Fevil.example%3Fx/edit");
    }

    [Theory]
    [InlineData("/notes/{nope}")]
    [InlineData("/notes/{colorCode}")]
    [InlineData("//{title}")]
    public async Task A_template_that_names_no_member_or_a_null_or_is_not_local_falls_back_to_the_referer(string template)
    {
        await using var host = await ActionsHost.StartAsync();
        var xsrf = await host.GetXsrfAsync();
        using var message = ActionsHost.FormPost("CreateNote", xsrf, [new("title", "evil.example"), new("__returnUrl", template)]);
        message.Headers.Referrer = new Uri("http://localhost/notes/new");

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location.Should().Be(new Uri("/notes/new", UriKind.Relative));
    }

    [Fact]
    public async Task The_form_tag_helper_refuses_a_template_placeholder_that_names_no_member_in_Development_only()
    {
        await using var host = await ActionsHost.StartAsync();
        var production = FormHelper(host.Services, "/notes/{nope}");
        var context = new TagHelperContext([], new Dictionary<object, object>(), "form");
        production.Init(context);

        var development = FormHelper(new DevelopmentServices(host.Services), "/notes/{nope}");
        var init = () => development.Init(context);
        init.Should().Throw<InvalidOperationException>().WithMessage("HYB080: *{nope}*NoteCreated*CreateNote*");

        FormHelper(new DevelopmentServices(host.Services), "/notes/{id}").Init(context);
    }

    [Theory]
    [InlineData("hybrid-enhance", null, HtmlAttributeValueStyle.Minimized)]
    [InlineData("hybrid-enhance", "false", HtmlAttributeValueStyle.DoubleQuotes)]
    [InlineData("hybrid-refresh", "post:1 /posts/1", HtmlAttributeValueStyle.DoubleQuotes)]
    public void The_attribute_helpers_write_the_data_attributes_the_script_reads(string name, string? value, HtmlAttributeValueStyle style)
    {
        var output = new TagHelperOutput("form", [new TagHelperAttribute("id", "f"), new TagHelperAttribute(name, value, style)], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        TagHelper helper = name == "hybrid-enhance" ? new HybridEnhanceTagHelper() : new HybridRefreshTagHelper();

        helper.Process(new TagHelperContext([], new Dictionary<object, object>(), "x"), output);

        output.Attributes.Select(a => a.Name).Should().Equal("id", "data-" + name);
        output.Attributes[1].Value.Should().Be(value);
        output.Attributes[1].ValueStyle.Should().Be(style);
    }

    [Fact]
    public async Task Without_static_assets_the_script_tag_points_at_the_plain_path_deferred()
    {
        await using var host = await ActionsHost.StartAsync();
        var http = new DefaultHttpContext { RequestServices = host.Services };
        http.Request.PathBase = "/app";
        var helper = new HybridEnhanceScriptTagHelper { ViewContext = new ViewContext { HttpContext = http } };
        var output = new TagHelperOutput("script", [new TagHelperAttribute("hybrid-enhance-script")], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));

        helper.Process(new TagHelperContext([], new Dictionary<object, object>(), "s"), output);

        output.Attributes.Select(a => a.Name).Should().Equal("src", "defer");
        output.Attributes["src"].Value.Should().Be("/app/_content/Hybrid.Actions/hybrid.js");
    }

    private static HybridFormTagHelper FormHelper(IServiceProvider services, string returnUrl) => new()
    {
        Action = "CreateNote",
        ReturnUrl = returnUrl,
        ViewContext = new ViewContext { HttpContext = new DefaultHttpContext { RequestServices = services } },
    };

    /// <summary>The host's services, but the environment says Development.</summary>
    private sealed class DevelopmentServices(IServiceProvider inner) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(IHostEnvironment) ? new Development() : inner.GetService(serviceType);

        private sealed class Development : IHostEnvironment
        {
            public string EnvironmentName { get; set; } = Environments.Development;

            public string ApplicationName { get; set; } = "Tests";

            public string ContentRootPath { get; set; } = "/";

            public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        }
    }
}
