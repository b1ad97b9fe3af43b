using Blog.Data;
using Hybrid;
using MediatR;

namespace Blog.Posts;

/// <summary>Deletes a comment.</summary>
[Action]
[ProducesProblem(404, "comment_not_found", Description = "No comment has this id.")]
public sealed class DeleteComment : IRequest
{
    /// <summary>The comment to delete.</summary>
    public int CommentId { get; set; }
}

public sealed class DeleteCommentHandler(BlogDatabase database) : IRequestHandler<DeleteComment, Unit>
{
    public Task<Unit> Handle(DeleteComment request, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM comments WHERE id = $id;";
        command.Parameters.AddWithValue("$id", request.CommentId);
        if (command.ExecuteNonQuery() == 0)
        {
            throw new NotFoundException($"There is no comment {request.CommentId}.", "comment_not_found");
        }

        return Task.FromResult(Unit.Value);
    }
}
