using Blog.Data;
using Hybrid;
using MediatR;

namespace Blog.Posts;

/// <summary>Lists the posts, newest first.</summary>
[Action]
public sealed record ListPosts : IRequest<IReadOnlyList<PostSummary>>;

public sealed class ListPostsHandler(BlogDatabase database) : IRequestHandler<ListPosts, IReadOnlyList<PostSummary>>
{
    public Task<IReadOnlyList<PostSummary>> Handle(ListPosts request, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, title FROM posts ORDER BY id DESC;";
        using var reader = command.ExecuteReader();
        var posts = new List<PostSummary>();
        while (reader.Read())
        {
            posts.Add(new PostSummary(reader.GetInt32(0), reader.GetString(1)));
        }

        return Task.FromResult<IReadOnlyList<PostSummary>>(posts);
    }
}
