using Blog.Posts;
using Hybrid;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using PostDetails = Blog.Posts.V2.PostDetails;

namespace Blog.Pages;

/// <summary>
/// One post (its summary, cover and sections) with its attachments, a page of its comments (100,
/// oldest first; <c>?comments=2</c> for the next) and the forms that add them through actions.
/// Everything is read through HybridSender, with the rules the doors apply; a comment's Delete
/// button shows only to a user DeleteComment's policy lets through.
/// </summary>
[OutputCache(PolicyName = BlogCaching.PostPage)]
public sealed class PostModel(HybridSender sender) : PageModel
{
    /// <summary>How many comments a page shows: the most version 2 of GetPost gives in one page.</summary>
    public const int CommentsPerPage = 100;

    public PostDetails Post { get; private set; } = null!;

    public IReadOnlyList<Attachment> Attachments { get; private set; } = [];

    /// <summary>
    /// The page of comments shown, from 1 (<c>?comments=2</c>); oldest comments first. Not <c>page</c>:
    /// Razor Pages keeps that route value for the page's own name.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "comments")]
    public int CommentPage { get; set; } = 1;

    /// <summary>How many pages the post's comments fill.</summary>
    public int CommentPages => Math.Max(1, (Post.Comments.Total + CommentsPerPage - 1) / CommentsPerPage);

    /// <summary>Whether the current user may delete comments (DeleteComment's policy).</summary>
    public bool MayDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync(int postId, CancellationToken cancellationToken)
    {
        // A page number out of GetPost's range is shown as the nearest one, not refused.
        CommentPage = Math.Clamp(CommentPage, 1, 10_000);
        try
        {
            Post = await sender.SendAsync(new Blog.Posts.V2.GetPost { PostId = postId, Page = CommentPage, PageSize = CommentsPerPage }, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        Attachments = await sender.SendAsync(new ListAttachments { PostId = postId }, cancellationToken);
        MayDelete = await sender.IsAllowedAsync<DeleteComment>();
        return Page();
    }
}
