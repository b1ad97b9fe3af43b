using Blog.Account;
using Blog.Data;
using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Blog.Posts;

/// <summary>Deletes a comment of a post; only moderators may.</summary>
[Action]
[RestDelete("posts/{postId}/comments/{commentId}", Summary = "Deletes a comment of a post (moderators only).")]
[Authorize(Roles = BlogUsers.Moderator)]
[ProducesProblem(404, "comment_not_found", Description = "The post has no comment with this id.")]
[Revalidates("post:{postId}", "/posts/{postId}")]
public sealed class DeleteComment : IRequest
{
    /// <summary>The post the comment belongs to.</summary>
    public int PostId { get; set; }

    /// <summary>The comment to delete.</summary>
    public int CommentId { get; set; }
}

public sealed class DeleteCommentHandler(BlogDatabase database) : IRequestHandler<DeleteComment>
{
    public Task Handle(DeleteComment request, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM comments WHERE id = $id AND post_id = $post;";
        command.Parameters.AddWithValue("$id", request.CommentId);
        command.Parameters.AddWithValue("$post", request.PostId);
        if (command.ExecuteNonQuery() == 0)
        {
            throw new NotFoundException($"Post {request.PostId} has no comment {request.CommentId}.", "comment_not_found");
        }

        return Task.CompletedTask;
    }
}
