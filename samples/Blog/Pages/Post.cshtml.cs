using Blog.Posts;
using Hybrid;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using PostDetails = Blog.Posts.V2.PostDetails;

namespace Blog.Pages;

/// <summary>
/// One post (its summary, cover and sections) with its attachments, its comments and the forms that
/// add them through actions. Everything is read through HybridSender, with the rules the doors apply;
/// a comment's Delete button shows only to a user DeleteComment's policy lets through.
/// </summary>
[OutputCache(PolicyName = BlogCaching.PostPage)]
public sealed class PostModel(HybridSender sender) : PageModel
{
    /// <summary>How many comments one read asks for: the most version 2 of GetPost gives in a page.</summary>
    private const int CommentsPerRead = 100;

    public PostDetails Post { get; private set; } = null!;

    /// <summary>Every comment of the post, oldest first.</summary>
    public IReadOnlyList<Blog.Posts.V2.Comment> Comments { get; private set; } = [];

    public IReadOnlyList<Attachment> Attachments { get; private set; } = [];

    /// <summary>Whether the current user may delete comments (DeleteComment's policy).</summary>
    public bool MayDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync(int postId, CancellationToken cancellationToken)
    {
        try
        {
            Post = await sender.SendAsync(new Blog.Posts.V2.GetPost { PostId = postId, PageSize = CommentsPerRead }, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        // The page shows every comment, as the list it refreshes in place does; most posts fit in the first read.
        var comments = new List<Blog.Posts.V2.Comment>(Post.Comments.Items);
        for (var page = 2; comments.Count < Post.Comments.Total && page <= 10_000; page++)
        {
            var next = await sender.SendAsync(new Blog.Posts.V2.GetPost { PostId = postId, Page = page, PageSize = CommentsPerRead }, cancellationToken);
            if (next.Comments.Items.Count == 0)
            {
                break;
            }

            comments.AddRange(next.Comments.Items);
        }

        Comments = comments;
        Attachments = await sender.SendAsync(new ListAttachments { PostId = postId }, cancellationToken);
        MayDelete = await sender.IsAllowedAsync<DeleteComment>();
        return Page();
    }
}
