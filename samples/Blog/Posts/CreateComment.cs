using System.ComponentModel.DataAnnotations;
using Blog.Data;
using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace Blog.Posts;

/// <summary>Adds a comment to a post.</summary>
[Action]
[McpTool]

// The key is optional: a REST client that may retry sends one, the pages' actions need none.
[Idempotent]
[RestPost("posts/{postId}/comments", Location = "posts/{postId}/comments/{id}", Summary = "Adds a comment to a post.")]
[ProducesProblem(404, "post_not_found", Description = "No post has this id.")]
[EnableRateLimiting(BlogRateLimits.Comments)]
[AllowAnonymous]
[Revalidates("post:{postId}", "/posts/{postId}")]
public sealed class CreateComment : IRequest<Comment>
{
    /// <summary>The post to comment on.</summary>
    public int PostId { get; set; }

    /// <summary>The name the comment is signed with.</summary>
    [Required]
    [StringLength(100)]
    public string Author { get; set; } = string.Empty;

    /// <summary>The comment's text.</summary>
    [Required]
    [StringLength(2000)]
    public string Body { get; set; } = string.Empty;
}

public sealed class CreateCommentHandler(BlogDatabase database, TimeProvider clock, CommentFeed feed) : IRequestHandler<CreateComment, Comment>
{
    public Task<Comment> Handle(CreateComment request, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT 1 FROM posts WHERE id = $id;";
        exists.Parameters.AddWithValue("$id", request.PostId);
        if (exists.ExecuteScalar() is null)
        {
            throw new NotFoundException($"Post {request.PostId} does not exist.", "post_not_found");
        }

        var createdAt = clock.GetUtcNow();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO comments (post_id, author, body, created_at) VALUES ($post, $author, $body, $at) RETURNING id;";
        insert.Parameters.AddWithValue("$post", request.PostId);
        insert.Parameters.AddWithValue("$author", request.Author.Trim());
        insert.Parameters.AddWithValue("$body", request.Body.Trim());
        insert.Parameters.AddWithValue("$at", createdAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var id = Convert.ToInt32(insert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

        // Committed (no transaction is open): the post's live lists on this instance show it now.
        feed.Posted(request.PostId);
        return Task.FromResult(new Comment(id, request.PostId, request.Author.Trim(), request.Body.Trim(), createdAt));
    }
}
