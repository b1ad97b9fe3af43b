using Blog.Data;
using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Blog.Posts;

/// <summary>One comment of a post.</summary>
[Action]
[RestGet("posts/{postId}/comments/{commentId}", Summary = "One comment of a post.")]
[ProducesProblem(404, "comment_not_found", Description = "The post has no comment with this id.")]
[AllowAnonymous]
public sealed class GetComment : IRequest<Comment>
{
    /// <summary>The post the comment belongs to.</summary>
    public int PostId { get; set; }

    /// <summary>The comment's id.</summary>
    public int CommentId { get; set; }
}

public sealed class GetCommentHandler(BlogDatabase database) : IRequestHandler<GetComment, Comment>
{
    public Task<Comment> Handle(GetComment request, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT author, body, created_at FROM comments WHERE id = $id AND post_id = $post;";
        command.Parameters.AddWithValue("$id", request.CommentId);
        command.Parameters.AddWithValue("$post", request.PostId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new NotFoundException($"Post {request.PostId} has no comment {request.CommentId}.", "comment_not_found");
        }

        return Task.FromResult(new Comment(request.CommentId, request.PostId, reader.GetString(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture)));
    }
}
