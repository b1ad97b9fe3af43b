using Hybrid;

namespace Blog.Posts;

/// <summary>The images a post carries (attachments, its cover): PNG, JPEG, GIF or WebP, of at most 1 MiB.</summary>
internal static class PostImages
{
    private static readonly string[] Types = ["image/png", "image/jpeg", "image/gif", "image/webp"];

    /// <summary>The image's bytes, or a field error keyed by <paramref name="field"/> when it is no image the blog takes.</summary>
    public static async Task<byte[]> ReadAsync(HybridFile file, string field, CancellationToken cancellationToken)
    {
        if (!Types.Contains(file.ContentType, StringComparer.OrdinalIgnoreCase))
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { [field] = ["Attach a PNG, JPEG, GIF or WebP image."] });
        }

        if (file.Length is 0 or > 1024 * 1024)
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { [field] = ["The image must hold between 1 byte and 1 MiB."] });
        }

        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes, cancellationToken);
        return bytes.ToArray();
    }
}
