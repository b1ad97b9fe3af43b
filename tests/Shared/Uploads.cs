using System.Net.Http.Headers;

namespace Hybrid.Testing;

/// <summary>What the upload tests of both doors send.</summary>
public static class Uploads
{
    /// <summary>A multipart file part, its name and file name quoted as a browser sends them.</summary>
    public static ByteArrayContent File(string name, string fileName, byte[] bytes, string contentType = "application/octet-stream")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"", FileName = $"\"{fileName}\"" };
        return content;
    }

    /// <summary>Bytes no encoder shrinks, the same on every run so that a failure repeats.</summary>
    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
