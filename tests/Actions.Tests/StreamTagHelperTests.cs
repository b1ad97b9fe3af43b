using Hybrid.Actions.TagHelpers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Hybrid.Actions.Tests;

/// <summary>
/// <c>hybrid-stream</c>, the live list's tag helper: an id that names no stream action fails the
/// render with HYB075 (an action answered once is not a stream), and an empty one renders no live list.
/// The Blog's post page renders a real one (LiveCommentsTests).
/// </summary>
public sealed class StreamTagHelperTests
{
    [Theory]
    [InlineData("NoSuchAction", "*HYB075*names no stream action*'NoSuchAction'*")]
    [InlineData("CreateNote", "*HYB075*names no stream action*'CreateNote'*IStreamRequest<T>*form hybrid-action*")]
    public async Task An_id_that_names_no_stream_action_fails_the_render_with_HYB075(string action, string message)
    {
        await using var host = await ActionsHost.StartAsync();
        var helper = Helper(host.Services, action);

        var render = () => helper.Process(Context(), Output());

        render.Should().Throw<InvalidOperationException>().WithMessage(message);
    }

    [Fact]
    public async Task An_empty_id_renders_the_element_without_a_live_list()
    {
        await using var host = await ActionsHost.StartAsync();
        var output = Output();

        Helper(host.Services, null).Process(Context(), output);

        output.Attributes.Select(a => a.Name).Should().Equal("id");
    }

    private static HybridStreamTagHelper Helper(IServiceProvider services, string? action) => new()
    {
        Action = action,
        Arguments = new { postId = 1 },
        ViewContext = new ViewContext { HttpContext = new DefaultHttpContext { RequestServices = services } },
    };

    private static TagHelperContext Context() => new([], new Dictionary<object, object>(), "s");

    private static TagHelperOutput Output() =>
        new("ul", [new TagHelperAttribute("id", "comments")], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
}
