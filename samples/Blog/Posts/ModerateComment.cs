using System.ComponentModel.DataAnnotations;
using Blog.Account;
using Blog.Data;
using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Blog.Posts;

/// <summary>
/// A moderation service's verdict on a comment, delivered as a Standard Webhook signed with the
/// secret at <c>Blog:WebhookSecret</c>: "remove" deletes the comment, "keep" leaves it.
/// </summary>
[StandardWebhook("Blog:WebhookSecret")]
[RestPost("webhooks/moderation", Summary = "Receives a moderation verdict (Standard Webhooks).")]

// A moderator's agent gives the same verdict as a tool; the webhook route is opened to anyone in
// Program.cs (op.Rest().AllowAnonymous()), since its Standard Webhooks signature is its credential.
[McpTool]
[Authorize(Roles = BlogUsers.Moderator)]
public sealed class ModerateComment : IRequest
{
    /// <summary>The comment the verdict is about.</summary>
    [Range(1, int.MaxValue)]
    public int CommentId { get; set; }

    /// <summary>"remove" deletes the comment; "keep" leaves it.</summary>
    [Required]
    [AllowedValues("remove", "keep")]
    public string Verdict { get; set; } = string.Empty;
}

public sealed class ModerateCommentHandler(BlogDatabase database, IRevalidation revalidation) : IRequestHandler<ModerateComment>
{
    public Task Handle(ModerateComment request, CancellationToken cancellationToken)
    {
        using var connection = database.Open();

        // The webhook names a comment, not its post: the post's caches are found here, before the delete.
        using var post = connection.CreateCommand();
        post.CommandText = "SELECT post_id FROM comments WHERE id = $id;";
        post.Parameters.AddWithValue("$id", request.CommentId);
        if (post.ExecuteScalar() is { } postId)
        {
            revalidation.Tag($"post:{postId}");
            revalidation.Path($"/posts/{postId}");
        }

        using var command = connection.CreateCommand();
        command.CommandText = request.Verdict == "remove"
            ? "DELETE FROM comments WHERE id = $id;"
            : "SELECT COUNT(*) FROM comments WHERE id = $id;";
        command.Parameters.AddWithValue("$id", request.CommentId);
        var found = request.Verdict == "remove"
            ? command.ExecuteNonQuery() > 0
            : Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        if (!found)
        {
            throw new NotFoundException($"There is no comment {request.CommentId}.", "comment_not_found");
        }

        return Task.CompletedTask;
    }
}
