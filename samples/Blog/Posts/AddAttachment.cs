using System.ComponentModel.DataAnnotations;
using Blog.Data;
using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Blog.Posts;

/// <summary>Attaches an image to a post.</summary>
[Action]
[RestPost("posts/{postId}/attachments", Location = "posts/{postId}/attachments/{id}", Summary = "Attaches an image to a post.")]
[RequestSizeLimit(2 * 1024 * 1024)]
[MaxFiles(1)]
[ProducesProblem(404, "post_not_found", Description = "No post has this id.")]
[AllowAnonymous]
[Revalidates("post:{postId}", "/posts/{postId}")]
public sealed class AddAttachment : IRequest<Attachment>
{
    /// <summary>The post to attach the image to.</summary>
    public int PostId { get; set; }

    /// <summary>A PNG, JPEG, GIF or WebP image of at most 1 MiB.</summary>
    [Required]
    public HybridFile? File { get; set; }
}

public sealed class AddAttachmentHandler(BlogDatabase database, TimeProvider clock) : IRequestHandler<AddAttachment, Attachment>
{
    public async Task<Attachment> Handle(AddAttachment request, CancellationToken cancellationToken)
    {
        var file = request.File!;
        var bytes = await PostImages.ReadAsync(file, "file", cancellationToken);
        using var connection = database.Open();
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT 1 FROM posts WHERE id = $id;";
        exists.Parameters.AddWithValue("$id", request.PostId);
        if (exists.ExecuteScalar() is null)
        {
            throw new NotFoundException($"Post {request.PostId} does not exist.", "post_not_found");
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO attachments (post_id, file_name, content_type, data, created_at) VALUES ($post, $name, $type, $data, $at) RETURNING id;";
        insert.Parameters.AddWithValue("$post", request.PostId);
        insert.Parameters.AddWithValue("$name", Path.GetFileName(file.FileName));
        insert.Parameters.AddWithValue("$type", file.ContentType);
        insert.Parameters.AddWithValue("$data", bytes);
        insert.Parameters.AddWithValue("$at", clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var id = Convert.ToInt32(insert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return new Attachment(id, request.PostId, Path.GetFileName(file.FileName), file.ContentType, bytes.Length);
    }
}
