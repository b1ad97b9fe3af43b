using Blog.Posts;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Pages;

/// <summary>The list of posts, read through the same handler the action and the REST route use.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<PostSummary> Posts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Posts = await mediator.Send(new ListPosts(), cancellationToken);
}
