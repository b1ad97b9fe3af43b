using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// Hybrid.Actions' enhancement script as the Blog serves it (MapStaticAssets): a static web asset of
/// the library under <c>_content/Hybrid.Actions/</c>, linked from the pages at its fingerprinted URL,
/// cached there as immutable and compressed, and small: at most 5 KB gzipped.
/// </summary>
[Collection(BlogCollection.Name)]
public sealed partial class EnhancementScriptAssetTests(BlogServer blog)
{
    private const int MaxGzipBytes = 5 * 1024;

    private static string Source => Path.Combine(Repository.Root, "src", "Actions", "wwwroot", "hybrid.js");

    [Fact]
    public async Task The_pages_link_the_script_at_its_fingerprinted_url_which_is_cached_as_immutable()
    {
        using var client = blog.CreateClient();
        var html = await client.GetStringAsync(new Uri("/posts/1", UriKind.Relative));
        var src = ScriptTag().Match(html);
        src.Success.Should().BeTrue("the layout's <script hybrid-enhance-script> renders the fingerprinted URL:\n" + html[..Math.Min(html.Length, 1200)]);

        using var response = await client.GetAsync(new Uri(src.Groups["src"].Value, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        response.Headers.CacheControl!.ToString().Should().Contain("immutable").And.Contain("max-age=31536000");
        response.Headers.ETag.Should().NotBeNull();
        (await response.Content.ReadAsStringAsync()).Should().Be(await File.ReadAllTextAsync(Source), "the served script is the library's source, unbundled");

        // The plain path stays for apps that use UseStaticFiles, revalidated on every use.
        using var plain = await client.GetAsync(new Uri("/_content/Hybrid.Actions/hybrid.js", UriKind.Relative));
        plain.StatusCode.Should().Be(HttpStatusCode.OK);
        plain.Headers.CacheControl!.NoCache.Should().BeTrue();
    }

    [Fact]
    public async Task The_script_is_at_most_5_KB_gzipped_and_served_gzipped()
    {
        var bytes = await File.ReadAllBytesAsync(Source);
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            await gzip.WriteAsync(bytes);
        }

        compressed.Length.Should().BeLessThanOrEqualTo(MaxGzipBytes, $"the script is {bytes.Length} bytes, {compressed.Length} gzipped");

        using var client = blog.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_content/Hybrid.Actions/hybrid.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await client.SendAsync(request);
        response.Content.Headers.ContentEncoding.Should().Equal("gzip");

        // Not its length: in Development ASP.NET Core's hot-reload handler re-gzips a changed asset at
        // the lowest level, and it counts a source file's sub-second timestamp as a change. Published
        // apps serve the build's own .gz (and .br).
    }

    [GeneratedRegex("""<script src="(?<src>/_content/Hybrid\.Actions/hybrid\.[a-z0-9]{6,}\.js)" defer></script>""")]
    private static partial Regex ScriptTag();
}
