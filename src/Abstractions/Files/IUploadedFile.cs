namespace Hybrid;

/// <summary>
/// One file part as the door that read it holds it. <see cref="HybridFile"/> reads through this seam so
/// the type request types declare needs no web framework; Hybrid.Core supplies the ASP.NET Core side.
/// </summary>
internal interface IUploadedFile
{
    string FileName { get; }

    string ContentType { get; }

    long Length { get; }

    Stream OpenReadStream();

    Task CopyToAsync(Stream target, CancellationToken cancellationToken);
}
