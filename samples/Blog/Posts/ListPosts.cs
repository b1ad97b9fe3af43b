using System.ComponentModel.DataAnnotations;
using Blog.Data;
using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Blog.Posts;

/// <summary>Lists the posts, newest first, one page at a time, optionally only those with some tags.</summary>
[Action]
[McpTool]
[RestGet("posts", Summary = "Lists the posts, newest first.")]
[AllowAnonymous]
public sealed record ListPosts : IRequest<IReadOnlyList<PostSummary>>
{
    /// <summary>
    /// Only posts with at least one of these tags (any of them, ignoring case); every post when none
    /// is given. On the REST route, repeat the parameter: <c>?tag=hybrid&amp;tag=rest</c>.
    /// </summary>
    public IReadOnlyList<string> Tag { get; init; } = [];

    /// <summary>The page to return, counted from 1.</summary>
    [Range(1, 10000)]
    public int Page { get; init; } = 1;

    /// <summary>How many posts a page holds.</summary>
    [Range(1, 100)]
    public int PageSize { get; init; } = 20;
}

public sealed class ListPostsHandler(BlogDatabase database) : IRequestHandler<ListPosts, IReadOnlyList<PostSummary>>
{
    public Task<IReadOnlyList<PostSummary>> Handle(ListPosts request, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        var filter = string.Empty;
        if (request.Tag.Count > 0)
        {
            var names = new List<string>();
            for (var i = 0; i < request.Tag.Count; i++)
            {
                names.Add("$tag" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                command.Parameters.AddWithValue(names[^1], request.Tag[i]);
            }

            filter = $"WHERE id IN (SELECT post_id FROM post_tags WHERE tag IN ({string.Join(", ", names)}))";
        }

        command.CommandText = $"""
            SELECT id, title, (SELECT group_concat(tag, ',') FROM (SELECT tag FROM post_tags WHERE post_id = posts.id ORDER BY tag)), summary, status, publish_on
            FROM posts {filter}
            ORDER BY id DESC
            LIMIT $size OFFSET $skip;
            """;
        command.Parameters.AddWithValue("$size", request.PageSize);
        command.Parameters.AddWithValue("$skip", (request.Page - 1L) * request.PageSize);
        using var reader = command.ExecuteReader();
        var posts = new List<PostSummary>();
        while (reader.Read())
        {
            var tags = reader.IsDBNull(2) ? [] : reader.GetString(2).Split(',');
            posts.Add(new PostSummary(
                reader.GetInt32(0),
                reader.GetString(1),
                tags,
                reader.IsDBNull(3) ? null : reader.GetString(3),
                Enum.Parse<PostStatus>(reader.GetString(4)),
                DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Task.FromResult<IReadOnlyList<PostSummary>>(posts);
    }
}
