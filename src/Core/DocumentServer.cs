namespace Hybrid;

/// <summary>A base URL the API is served from: written into the documents' <c>servers</c>.</summary>
public sealed class DocumentServer
{
    /// <summary>Describes a server.</summary>
    /// <param name="url">
    /// An absolute http or https URL without a trailing slash (<c>https://blog.example.org</c>), or a
    /// path starting with '/' (<c>/</c> for "the host that serves the document"); checked at start-up.
    /// </param>
    /// <param name="description">What the server is, e.g. "Production".</param>
    public DocumentServer(string url, string? description = null)
    {
        Url = url;
        Description = description;
    }

    /// <summary>The base URL the document's paths are relative to.</summary>
    public string Url { get; }

    /// <summary>What the server is, or <see langword="null"/>.</summary>
    public string? Description { get; }

    internal bool IsValid =>
        (Url == "/" || IsAbsoluteHttp(Url) || (Url.StartsWith('/') && !Url.StartsWith("//", StringComparison.Ordinal))) &&
        (Url == "/" || !Url.EndsWith('/')) &&
        (Description is null || !string.IsNullOrWhiteSpace(Description));

    internal static bool IsAbsoluteHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
