using Blog.Posts;
using Hybrid;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Pages;

/// <summary>
/// The list of posts, read through the same operation the action and the REST route run, with the
/// same rules (HybridSender); the "New post" link shows only for a user SavePost's policy lets through.
/// </summary>
public sealed class IndexModel(HybridSender sender) : PageModel
{
    public IReadOnlyList<PostSummary> Posts { get; private set; } = [];

    /// <summary>Whether the current user may write posts (SavePost's policy), so the page offers the editor.</summary>
    public bool MayWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Posts = await sender.SendAsync(new ListPosts(), cancellationToken);
        MayWrite = await sender.IsAllowedAsync<SavePost>();
    }
}
