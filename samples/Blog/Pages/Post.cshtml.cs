using Blog.Posts;
using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Pages;

/// <summary>One post with its comments and the forms that add and delete comments through actions.</summary>
[OutputCache(PolicyName = BlogCaching.PostPage)]
public sealed class PostModel(IMediator mediator) : PageModel
{
    public PostDetails Post { get; private set; } = null!;

    public IReadOnlyList<Attachment> Attachments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int postId, CancellationToken cancellationToken)
    {
        try
        {
            Post = await mediator.Send(new GetPost { PostId = postId }, cancellationToken);
            Attachments = await mediator.Send(new ListAttachments { PostId = postId }, cancellationToken);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
