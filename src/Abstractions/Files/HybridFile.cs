using System.Text.Json.Serialization;

namespace Hybrid;

/// <summary>
/// A file uploaded with the request as a <c>multipart/form-data</c> part. A request member of this
/// type (or <c>HybridFile[]</c>, <c>List&lt;HybridFile&gt;</c>, <c>IReadOnlyList&lt;HybridFile&gt;</c>)
/// binds from the file parts named like the member; a JSON body cannot carry one. Large files are
/// buffered to a temporary file by ASP.NET Core, which deletes it when the request ends, so read the
/// content before the handler returns.
/// </summary>
[JsonConverter(typeof(HybridFileJsonConverter))]
public sealed class HybridFile
{
    private readonly IUploadedFile _file;

    internal HybridFile(IUploadedFile file) => _file = file;

    /// <summary>The file name as the client sent it. Untrusted: never use it as a path.</summary>
    public string FileName => _file.FileName;

    /// <summary>The content type the client declared for the part, unchecked.</summary>
    public string ContentType => _file.ContentType;

    /// <summary>The length of the content in bytes.</summary>
    public long Length => _file.Length;

    /// <summary>Opens the content for reading; the caller disposes the stream.</summary>
    /// <returns>A read-only stream over the content.</returns>
    public Stream OpenReadStream() => _file.OpenReadStream();

    /// <summary>Copies the content to <paramref name="target"/>.</summary>
    /// <param name="target">Where the content goes.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>The copy.</returns>
    public Task CopyToAsync(Stream target, CancellationToken cancellationToken = default) => _file.CopyToAsync(target, cancellationToken);
}
