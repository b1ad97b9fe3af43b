using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The Blog's AddAttachment operation: an image attached through the post page's form (Chromium,
/// JavaScript off, multipart through the action door) appears on the post, and the same handler
/// answers the REST route with 201 and a Location.
/// </summary>
[Collection(BlogCollection.Name)]
public sealed class AttachmentTests(BlogServer blog)
{
    /// <summary>A 1×1 transparent PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    [Fact]
    public async Task An_image_attached_through_the_form_appears_on_the_post()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(javaScript: false);
        var post = new Uri(blog.BaseAddress, "/posts/1").ToString();
        await page.GotoAsync(post);
        await page.SetInputFilesAsync("#attachment-form input[name=file]", new FilePayload { Name = "dot.png", MimeType = "image/png", Buffer = Png });
        await Chromium.SubmitAsync(page, () => page.ClickAsync("#attachment-form button[type=submit]"), post);

        var attachment = page.Locator("#attachments li.attachment").Filter(new LocatorFilterOptions { HasText = "dot.png" });
        await Assertions.Expect(attachment).ToHaveCountAsync(1);
        var source = await attachment.Locator("img").GetAttributeAsync("src");
        using var client = blog.CreateClient();
        using var image = await client.GetAsync(new Uri(source!, UriKind.Relative));
        image.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        (await image.Content.ReadAsByteArrayAsync()).Should().Equal(Png);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_comes_back_with_the_error_next_to_the_field()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(javaScript: false);
        var post = new Uri(blog.BaseAddress, "/posts/2").ToString();
        await page.GotoAsync(post);
        await page.SetInputFilesAsync("#attachment-form input[name=file]", new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "not an image"u8.ToArray() });
        await Chromium.SubmitAsync(page, () => page.ClickAsync("#attachment-form button[type=submit]"), post);

        await Assertions.Expect(page.Locator("#attachment-form [data-hybrid-error-for=file]")).ToContainTextAsync("image");
        await Assertions.Expect(page.Locator("#attachments li.attachment").Filter(new LocatorFilterOptions { HasText = "notes.txt" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_rest_route_takes_the_same_multipart_and_answers_201_with_a_location()
    {
        using var client = blog.CreateClient();
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "file", "rest.png");

        using var response = await client.PostAsync(new Uri("/api/v1/posts/2/attachments", UriKind.Relative), content);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<AttachmentDto>();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/posts/2/attachments/{created!.Id}");
        (await client.GetFromJsonAsync<AttachmentDto>(response.Headers.Location)).Should().BeEquivalentTo(created with { });
        created.Should().BeEquivalentTo(new AttachmentDto(created.Id, 2, "rest.png", "image/png", Png.Length));
    }

    private sealed record AttachmentDto(int Id, int PostId, string FileName, string ContentType, long Length);
}
