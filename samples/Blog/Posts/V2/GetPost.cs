using System.ComponentModel.DataAnnotations;
using Blog.Data;
using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Blog.Posts.V2;

/// <summary>A post with everything SavePost writes and one page of its comments, oldest first (version 2 of the API).</summary>
/// <remarks>Version 1 answered every comment at once, each with its author as a string.</remarks>
[RestGet("posts/{postId}", Version = 2, Summary = "A post with a page of its comments.")]
[ProducesProblem(404, "post_not_found", Description = "No post has this id.")]
[AllowAnonymous]
[ReadCache(60, "post:{postId}")]
public sealed class GetPost : IRequest<PostDetails>
{
    /// <summary>The post's id.</summary>
    public int PostId { get; set; }

    /// <summary>The page of comments, from 1.</summary>
    [Range(1, 10_000)]
    public int Page { get; set; } = 1;

    /// <summary>How many comments a page holds, 1 to 100.</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 20;
}

/// <summary>Reads a post and one page of its comments.</summary>
public sealed class GetPostHandler(BlogDatabase database) : IRequestHandler<GetPost, PostDetails>
{
    /// <inheritdoc />
    public Task<PostDetails> Handle(GetPost request, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var post = connection.CreateCommand();
        post.CommandText = "SELECT title, body, (SELECT COUNT(*) FROM comments WHERE post_id = $id), summary, status, publish_on FROM posts WHERE id = $id;";
        post.Parameters.AddWithValue("$id", request.PostId);
        using var postReader = post.ExecuteReader();
        if (!postReader.Read())
        {
            throw new NotFoundException($"Post {request.PostId} does not exist.", "post_not_found");
        }

        var title = postReader.GetString(0);
        var body = postReader.GetString(1);
        var total = postReader.GetInt32(2);
        var summary = postReader.IsDBNull(3) ? null : postReader.GetString(3);
        var status = Enum.Parse<PostStatus>(postReader.GetString(4));
        var publishOn = DateOnly.ParseExact(postReader.GetString(5), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var comments = connection.CreateCommand();
        comments.CommandText = "SELECT id, author, body, created_at FROM comments WHERE post_id = $id ORDER BY id LIMIT $take OFFSET $skip;";
        comments.Parameters.AddWithValue("$id", request.PostId);
        comments.Parameters.AddWithValue("$take", request.PageSize);
        comments.Parameters.AddWithValue("$skip", (long)(request.Page - 1) * request.PageSize);
        using var reader = comments.ExecuteReader();
        var items = new List<Comment>();
        while (reader.Read())
        {
            items.Add(new Comment(reader.GetInt32(0), new Author(reader.GetString(1)), reader.GetString(2), DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Task.FromResult(new PostDetails(
            request.PostId,
            title,
            body,
            new CommentPage(items, request.Page, request.PageSize, total),
            summary,
            status,
            publishOn,
            PostContents.Tags(connection, request.PostId),
            PostContents.Sections(connection, request.PostId),
            PostContents.Cover(connection, request.PostId)));
    }
}
