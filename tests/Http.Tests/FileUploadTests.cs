using System.Net;
using System.Text;
using System.Text.Json;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Http.Tests;

/// <summary>
/// Files through the REST door: a request type with <see cref="HybridFile"/> members takes a
/// multipart body, its fields bound as the action door binds them and route-bound members from the URL.
/// </summary>
public sealed class FileUploadTests
{
    private const string Path = "/api/v1/things/7/files";

    private static readonly byte[] Large = Uploads.RandomBytes(90_000, seed: 4);

    private static async Task<TestHost> StartAsync(Action<HybridOptions>? configure = null) =>
        await TestHost.StartAsync(
            [typeof(AttachFiles).Assembly],
            o =>
            {
                o.Expose<AttachFiles>(op =>
                {
                    op.Post("things/{thingId}/files");
                    op.WithMetadata(new RequestSizeLimitAttribute(150_000));
                    op.WithMetadata(new MaxFilesAttribute(3));
                });
                configure?.Invoke(o);
            },
            s =>
            {
                s.AddSingleton<ThingStore>();
                s.AddSingleton<AttachCalls>();
            },
            app => app.MapHybridRest());

    private static int Calls(TestHost host) => host.Services.GetRequiredService<AttachCalls>().Count;

    [Fact]
    public async Task Files_fields_and_the_route_bind_and_the_handler_reads_the_exact_bytes()
    {
        await using var host = await StartAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Specs"), "title" },
            Uploads.File("main", "spec.pdf", Large),
            Uploads.File("extras", "a.txt", Encoding.UTF8.GetBytes("first")),
            Uploads.File("Extras", "b.txt", Encoding.UTF8.GetBytes("second")),
        };

        using var response = await host.Client.PostAsync(Path, form);

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, response.StatusCode == HttpStatusCode.Created ? string.Empty : text);
        var attached = JsonSerializer.Deserialize<Attached>(text, JsonSerializerOptions.Web)!;
        attached.ThingId.Should().Be(7);
        attached.Title.Should().Be("Specs");
        attached.Names.Should().Equal("spec.pdf", "a.txt", "b.txt");
        attached.Contents.Should().Equal(Convert.ToBase64String(Large), Convert.ToBase64String(Encoding.UTF8.GetBytes("first")), Convert.ToBase64String(Encoding.UTF8.GetBytes("second")));
    }

    [Fact]
    public async Task A_form_field_naming_the_route_member_is_400_and_no_handler_runs()
    {
        await using var host = await StartAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Specs"), "title" },
            { new StringContent("99"), "thingId" },
            Uploads.File("main", "spec.pdf", Encoding.UTF8.GetBytes("pdf")),
        };

        using var response = await host.Client.PostAsync(Path, form);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors!.Keys.Should().Equal("thingId");
        Calls(host).Should().Be(0);
    }

    [Fact]
    public async Task More_files_than_the_operation_allows_is_413_and_no_handler_runs()
    {
        await using var host = await StartAsync();
        using var form = new MultipartFormDataContent { Uploads.File("extras", "a", [1]), Uploads.File("extras", "b", [2]), Uploads.File("extras", "c", [3]), Uploads.File("main", "d", [4]) };

        using var response = await host.Client.PostAsync(Path, form);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Calls(host).Should().Be(0);
    }

    [Fact]
    public async Task A_body_over_the_operations_limit_is_413_and_no_handler_runs()
    {
        await using var host = await StartAsync();
        using var form = new MultipartFormDataContent { Uploads.File("main", "big", Uploads.RandomBytes(200_000, seed: 5)) };

        using var response = await host.Client.PostAsync(Path, form);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Calls(host).Should().Be(0);
    }

    [Fact]
    public async Task A_file_part_for_a_member_that_takes_no_file_is_400_naming_it_and_no_handler_runs()
    {
        await using var host = await StartAsync();
        using var form = new MultipartFormDataContent { Uploads.File("title", "x.txt", [1, 2]) };

        using var response = await host.Client.PostAsync(Path, form);

        var errors = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        errors.TryGetProperty("title", out _).Should().BeTrue();
        Calls(host).Should().Be(0);
    }

    [Fact]
    public async Task A_file_part_naming_no_member_is_ignored_as_an_unknown_form_field_is()
    {
        await using var host = await StartAsync();
        using var form = new MultipartFormDataContent { { new StringContent("t"), "title" }, Uploads.File("nickname", "x.txt", [1, 2]) };

        using var response = await host.Client.PostAsync(Path, form);

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Calls(host).Should().Be(1);
    }

    [Fact]
    public async Task A_file_member_in_a_JSON_body_is_400_naming_it_and_no_handler_runs()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.PostAsync(Path, DoorCase.JsonContent("""{"title":"x","main":"aGk="}"""));

        var errors = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        errors.GetProperty("main")[0].GetString().Should().Contain("multipart/form-data");
        Calls(host).Should().Be(0);
    }

    [Fact]
    public async Task A_JSON_body_without_files_still_binds()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.PostAsync(Path, DoorCase.JsonContent("""{"title":"no files"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        Calls(host).Should().Be(1);
    }

    [Fact]
    public async Task A_urlencoded_form_is_still_415_and_no_handler_runs()
    {
        await using var host = await StartAsync();
        using var form = new FormUrlEncodedContent([new("title", "x")]);

        using var response = await host.Client.PostAsync(Path, form);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Calls(host).Should().Be(0);
    }

    [Fact]
    public async Task The_version_document_describes_a_multipart_body_without_the_route_member_and_a_json_body_without_files()
    {
        await using var host = await StartAsync();

        using var document = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/v1.json"));

        var content = document.RootElement.GetProperty("paths").GetProperty("/api/v1/things/{thingId}/files").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        content.EnumerateObject().Select(p => p.Name).Should().Equal("application/json", "multipart/form-data");
        content.GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString().Should().Be("#/components/schemas/AttachFilesBody");
        document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("AttachFilesBody").GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).Should().Equal(["title"], "a file never travels in JSON");
        var properties = content.GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties");
        properties.EnumerateObject().Select(p => p.Name).Should().Equal("title", "main", "extras");
        properties.GetProperty("main").GetProperty("format").GetString().Should().Be("binary");
        properties.GetProperty("extras").GetProperty("items").GetProperty("format").GetString().Should().Be("binary");
    }
}
