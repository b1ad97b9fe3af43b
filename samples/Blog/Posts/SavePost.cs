using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Blog.Account;
using Blog.Data;
using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Posts;

/// <summary>
/// Writes a post: creates one, or replaces the one <c>postId</c> names (its title, summary, status,
/// date, tags and sections; its cover only when a new one is sent). Editors only. As JSON, or as a
/// multipart form that can carry the cover.
/// </summary>
[Action]
[RestPost("posts", Location = "posts/{id}", Summary = "Creates a post (editors only); answers 201 with its Location.")]
[RestPut("posts/{postId}", Summary = "Replaces a post (editors only); answers 200 with the post as saved.")]
[Authorize(Roles = BlogUsers.Editor)]
[RequestSizeLimit(2 * 1024 * 1024)]
[MaxFiles(1)]
[ProducesProblem(404, "post_not_found", Description = "No post has this id.")]
[Revalidates("post:{result.id}", "/posts/{result.id}")]
public sealed class SavePost : IRequest<SavedPost>
{
    /// <summary>The post to replace; none creates a post. The REST door's PUT takes it from the URL.</summary>
    public int? PostId { get; set; }

    /// <summary>The title.</summary>
    [Required]
    [StringLength(200)]
    public string Title { get; set; } = string.Empty;

    /// <summary>A short summary; empty or blank means none.</summary>
    [StringLength(500)]
    public string? Summary { get; set; }

    /// <summary>Where the post is in its life; <c>Draft</c> when not given.</summary>
    public PostStatus Status { get; set; }

    /// <summary>The day the post is (or was) published, <c>yyyy-MM-dd</c>.</summary>
    public required DateOnly PublishOn { get; set; }

    /// <summary>The post's tags; blanks and repeats (ignoring case) are dropped. In a form: repeat <c>tags</c>.</summary>
    [MaxLength(20)]
    public IReadOnlyList<string> Tags { get; set; } = [];

    /// <summary>The post's text, section by section.</summary>
    [MaxLength(50)]
    public IReadOnlyList<PostSection> Sections { get; set; } = [];

    /// <summary>A cover image (PNG, JPEG, GIF or WebP, at most 1 MiB), as a file part; left out, the post keeps its cover.</summary>
    public HybridFile? Cover { get; set; }
}

/// <summary>A post as SavePost stored it.</summary>
/// <param name="Id">The post's id.</param>
/// <param name="Title">The title.</param>
/// <param name="Summary">The summary, or null when it has none.</param>
/// <param name="Status">Where the post is in its life.</param>
/// <param name="PublishOn">The day it is published.</param>
/// <param name="Tags">Its tags, in alphabetical order.</param>
/// <param name="Sections">Its text, section by section.</param>
/// <param name="CoverUrl">Where its cover image is served, or null when it has none.</param>
public sealed record SavedPost(int Id, string Title, string? Summary, PostStatus Status, DateOnly PublishOn, IReadOnlyList<string> Tags, IReadOnlyList<PostSection> Sections, string? CoverUrl);

public sealed class SavePostHandler(BlogDatabase database) : IRequestHandler<SavePost, SavedPost>
{
    public async Task<SavedPost> Handle(SavePost request, CancellationToken cancellationToken)
    {
        var cover = request.Cover is { } file ? await PostImages.ReadAsync(file, "cover", cancellationToken) : null;
        var title = request.Title.Trim();
        var summary = string.IsNullOrWhiteSpace(request.Summary) ? null : request.Summary.Trim();
        var tags = request.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var sections = request.Sections.Select(s => new PostSection { Heading = s.Heading.Trim(), Body = s.Body.Trim() }).ToList();

        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var save = connection.CreateCommand();
        save.CommandText = request.PostId is null
            ? "INSERT INTO posts (title, body, summary, status, publish_on) VALUES ($title, $body, $summary, $status, $publishOn) RETURNING id;"
            : "UPDATE posts SET title = $title, body = $body, summary = $summary, status = $status, publish_on = $publishOn WHERE id = $id RETURNING id;";
        save.Parameters.AddWithValue("$id", (object?)request.PostId ?? DBNull.Value);
        save.Parameters.AddWithValue("$title", title);

        // Readers of version 1 and the post page know a post by its body: the sections' text, in order.
        save.Parameters.AddWithValue("$body", string.Join("\n\n", sections.Select(s => s.Body)));
        save.Parameters.AddWithValue("$summary", (object?)summary ?? DBNull.Value);
        save.Parameters.AddWithValue("$status", request.Status.ToString());
        save.Parameters.AddWithValue("$publishOn", request.PublishOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (save.ExecuteScalar() is not { } saved)
        {
            throw new NotFoundException($"Post {request.PostId} does not exist.", "post_not_found");
        }

        var id = Convert.ToInt32(saved, CultureInfo.InvariantCulture);
        Execute(connection, "DELETE FROM post_tags WHERE post_id = $id;", ("$id", id));
        foreach (var tag in tags)
        {
            Execute(connection, "INSERT INTO post_tags (post_id, tag) VALUES ($id, $tag);", ("$id", id), ("$tag", tag));
        }

        Execute(connection, "DELETE FROM post_sections WHERE post_id = $id;", ("$id", id));
        for (var i = 0; i < sections.Count; i++)
        {
            Execute(
                connection,
                "INSERT INTO post_sections (post_id, position, heading, body) VALUES ($id, $position, $heading, $body);",
                ("$id", id), ("$position", i), ("$heading", sections[i].Heading), ("$body", sections[i].Body));
        }

        if (cover is not null)
        {
            Execute(
                connection,
                "INSERT OR REPLACE INTO post_covers (post_id, file_name, content_type, data) VALUES ($id, $name, $type, $data);",
                ("$id", id), ("$name", Path.GetFileName(request.Cover!.FileName)), ("$type", request.Cover.ContentType), ("$data", cover));
        }

        var coverUrl = PostContents.Cover(connection, id);
        transaction.Commit();
        return new SavedPost(id, title, summary, request.Status, request.PublishOn, tags, sections, coverUrl);
    }

    private static void Execute(Microsoft.Data.Sqlite.SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}

/// <summary>A post's cover image, for <c>/posts/{postId}/cover</c> (not exposed).</summary>
[AllowAnonymous]
public sealed class ReadCover : IRequest<(string ContentType, byte[] Data)?>
{
    public int PostId { get; set; }
}

public sealed class ReadCoverHandler(BlogDatabase database) : IRequestHandler<ReadCover, (string ContentType, byte[] Data)?>
{
    public Task<(string ContentType, byte[] Data)?> Handle(ReadCover request, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT content_type, data FROM post_covers WHERE post_id = $id;";
        command.Parameters.AddWithValue("$id", request.PostId);
        using var reader = command.ExecuteReader();
        return Task.FromResult<(string, byte[])?>(reader.Read() ? (reader.GetString(0), (byte[])reader["data"]) : null);
    }
}
