using Blog.Data;
using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Blog.Posts;

/// <summary>A post with its comments, oldest comment first.</summary>
[Action]
[McpTool]
[RestGet("posts/{postId}", Summary = "A post with its comments.", Deprecated = "2026-11-24", Sunset = "2027-06-30", Successor = "v2/posts/{postId}")]
[ProducesProblem(404, "post_not_found", Description = "No post has this id.")]
[AllowAnonymous]
[ReadCache(60, "post:{postId}")]
public sealed class GetPost : IRequest<PostDetails>
{
    /// <summary>The post's id.</summary>
    public int PostId { get; set; }
}

public sealed class GetPostHandler(BlogDatabase database) : IRequestHandler<GetPost, PostDetails>
{
    public Task<PostDetails> Handle(GetPost request, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var post = connection.CreateCommand();
        post.CommandText = "SELECT title, body FROM posts WHERE id = $id;";
        post.Parameters.AddWithValue("$id", request.PostId);
        using var postReader = post.ExecuteReader();
        if (!postReader.Read())
        {
            throw new NotFoundException($"Post {request.PostId} does not exist.", "post_not_found");
        }

        var title = postReader.GetString(0);
        var body = postReader.GetString(1);

        using var comments = connection.CreateCommand();
        comments.CommandText = "SELECT id, author, body, created_at FROM comments WHERE post_id = $id ORDER BY id;";
        comments.Parameters.AddWithValue("$id", request.PostId);
        using var reader = comments.ExecuteReader();
        var list = new List<Comment>();
        while (reader.Read())
        {
            list.Add(new Comment(reader.GetInt32(0), request.PostId, reader.GetString(1), reader.GetString(2), DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Task.FromResult(new PostDetails(request.PostId, title, body, list));
    }
}
