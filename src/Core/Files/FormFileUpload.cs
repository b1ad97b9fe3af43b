using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>A multipart file part as ASP.NET Core buffered it, behind the <see cref="HybridFile"/> a handler receives.</summary>
internal sealed class FormFileUpload(IFormFile file) : IUploadedFile
{
    public string FileName => file.FileName;

    public string ContentType => file.ContentType;

    public long Length => file.Length;

    public Stream OpenReadStream() => file.OpenReadStream();

    public Task CopyToAsync(Stream target, CancellationToken cancellationToken) => file.CopyToAsync(target, cancellationToken);
}
