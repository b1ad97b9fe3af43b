using Blog.Data;
using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Blog.Posts;

/// <summary>An image attached to a post: its metadata (the bytes are served at <c>/attachments/{id}</c>).</summary>
/// <param name="Id">The attachment's id.</param>
/// <param name="PostId">The post it is attached to.</param>
/// <param name="FileName">The file name the image was uploaded with.</param>
/// <param name="ContentType">The image's media type, e.g. <c>image/png</c>.</param>
/// <param name="Length">The image's size in bytes.</param>
public sealed record Attachment(int Id, int PostId, string FileName, string ContentType, long Length);

/// <summary>One attachment's metadata, where <c>AddAttachment</c>'s <c>Location</c> points.</summary>
[RestGet("posts/{postId}/attachments/{id}", Summary = "An attachment of a post.")]
[ProducesProblem(404, "attachment_not_found", Description = "The post has no attachment with this id.")]
[AllowAnonymous]
public sealed class GetAttachment : IRequest<Attachment>
{
    /// <summary>The post the attachment belongs to.</summary>
    public int PostId { get; set; }

    /// <summary>The attachment's id.</summary>
    public int Id { get; set; }
}

/// <summary>The attachments of a post, oldest first: what the post page lists.</summary>
[Action]
[AllowAnonymous]
public sealed class ListAttachments : IRequest<IReadOnlyList<Attachment>>
{
    /// <summary>The post whose attachments to list.</summary>
    public int PostId { get; set; }
}

/// <summary>An attachment's bytes, for the page's image endpoint (not exposed).</summary>
[AllowAnonymous]
public sealed class ReadAttachment : IRequest<(string ContentType, byte[] Data)?>
{
    public int Id { get; set; }
}

public sealed class AttachmentQueries(BlogDatabase database) :
    IRequestHandler<GetAttachment, Attachment>,
    IRequestHandler<ListAttachments, IReadOnlyList<Attachment>>,
    IRequestHandler<ReadAttachment, (string ContentType, byte[] Data)?>
{
    public Task<Attachment> Handle(GetAttachment request, CancellationToken cancellationToken) =>
        Task.FromResult(Query("WHERE id = $id AND post_id = $post", request.PostId, request.Id).SingleOrDefault()
            ?? throw new NotFoundException($"Post {request.PostId} has no attachment {request.Id}.", "attachment_not_found"));

    public Task<IReadOnlyList<Attachment>> Handle(ListAttachments request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Attachment>>(Query("WHERE post_id = $post", request.PostId, 0));

    public Task<(string ContentType, byte[] Data)?> Handle(ReadAttachment request, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT content_type, data FROM attachments WHERE id = $id;";
        command.Parameters.AddWithValue("$id", request.Id);
        using var reader = command.ExecuteReader();
        return Task.FromResult<(string, byte[])?>(reader.Read() ? (reader.GetString(0), (byte[])reader["data"]) : null);
    }

    private List<Attachment> Query(string where, int postId, int id)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, post_id, file_name, content_type, length(data) FROM attachments " + where + " ORDER BY id;";
        command.Parameters.AddWithValue("$post", postId);
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var list = new List<Attachment>();
        while (reader.Read())
        {
            list.Add(new Attachment(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4)));
        }

        return list;
    }
}
