using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;

namespace Hybrid.Actions.Tests;

/// <summary>
/// Files through the action door: <see cref="HybridFile"/> members bind from multipart file parts
/// named like them; limits, misplaced parts and JSON are refused before the handler.
/// </summary>
public sealed class FileUploadTests
{
    private static readonly byte[] Large = Uploads.RandomBytes(70_000, seed: 1); // over 64 KB: buffered to a temporary file
    private static readonly byte[] Small = Uploads.RandomBytes(300, seed: 2);

    private static void Expose(HybridOptions o)
    {
        o.Expose<UploadAvatar>(op => op.AsAction());
        o.Expose<UploadPhotos>(op =>
        {
            op.AsAction();
            op.WithMetadata(new RequestSizeLimitAttribute(200_000));
        });
    }

    [Fact]
    public async Task One_file_and_a_field_bind_and_the_handler_reads_the_exact_bytes()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(Expose);
        using var form = new MultipartFormDataContent { { new StringContent("me"), "caption" }, Uploads.File("avatar", "me.png", Large, "image/png") };

        using var response = await host.Client.PostAsync("/_actions/UploadAvatar", form);

        var receipt = await ReceiptAsync(response);
        receipt.Text.Should().Be("me");
        receipt.Names.Should().Equal("me.png");
        receipt.Types.Should().Equal("image/png");
        receipt.Contents.Should().Equal(Convert.ToBase64String(Large));
    }

    [Fact]
    public async Task Several_files_bind_in_order_by_json_or_csharp_name_in_any_case()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(Expose);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("trip"), "album" },
            Uploads.File("photos", "a.bin", Small),
            Uploads.File("Photos", "b.bin", Large),
            Uploads.File("COVER", "c.bin", [1, 2, 3]),
        };

        using var response = await host.Client.PostAsync("/_actions/UploadPhotos", form);

        var receipt = await ReceiptAsync(response);
        receipt.Text.Should().Be("trip");
        receipt.Names.Should().Equal("a.bin", "b.bin", "c.bin");
        receipt.Contents.Should().Equal(Convert.ToBase64String(Small), Convert.ToBase64String(Large), Convert.ToBase64String(new byte[] { 1, 2, 3 }));
    }

    [Fact]
    public async Task An_empty_field_for_a_file_member_is_no_file()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(Expose);
        using var form = new MultipartFormDataContent { { new StringContent(string.Empty), "cover" }, Uploads.File("photos", "a.bin", Small) };

        using var response = await host.Client.PostAsync("/_actions/UploadPhotos", form);

        (await ReceiptAsync(response)).Names.Should().Equal("a.bin");
    }

    [Fact]
    public async Task More_files_than_MaxFiles_is_413_and_no_handler_runs()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o =>
        {
            Expose(o);
            o.MaxFiles = 2;
        });
        using var form = new MultipartFormDataContent { Uploads.File("photos", "a", Small), Uploads.File("photos", "b", Small), Uploads.File("photos", "c", Small) };

        using var response = await host.Client.PostAsync("/_actions/UploadPhotos", form);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        host.Calls().Of(nameof(UploadPhotos)).Should().Be(0);
    }

    [Fact]
    public async Task MaxFiles_on_the_operation_wins_over_the_option()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o =>
        {
            o.Expose<UploadPhotos>(op => { op.AsAction(); op.WithMetadata(new MaxFilesAttribute(1)); });
            o.Expose<UploadAvatar>(op => op.AsAction());
        });
        using var form = new MultipartFormDataContent { Uploads.File("photos", "a", Small), Uploads.File("cover", "b", Small) };

        using var response = await host.Client.PostAsync("/_actions/UploadPhotos", form);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        host.Calls().Of(nameof(UploadPhotos)).Should().Be(0);
    }

    [Fact]
    public async Task A_body_over_the_operations_limit_is_413_and_no_handler_runs()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(Expose);
        using var form = new MultipartFormDataContent { Uploads.File("photos", "a", Uploads.RandomBytes(250_000, seed: 3)) };

        using var response = await host.Client.PostAsync("/_actions/UploadPhotos", form);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        host.Calls().Of(nameof(UploadPhotos)).Should().Be(0);
    }

    [Fact]
    public async Task A_file_part_for_a_member_that_takes_no_file_is_400_naming_it_and_no_handler_runs()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(Expose);
        using var form = new MultipartFormDataContent { Uploads.File("avatar", "me.png", Small), Uploads.File("caption", "x.txt", Small) };

        using var response = await host.Client.PostAsync("/_actions/UploadAvatar", form);

        var errors = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        errors.GetProperty("caption")[0].GetString().Should().Contain("takes a value, not a file");
        host.Calls().Of(nameof(UploadAvatar)).Should().Be(0);
    }

    [Fact]
    public async Task A_file_part_naming_no_member_is_ignored_as_an_unknown_form_field_is()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(Expose);
        using var form = new MultipartFormDataContent { Uploads.File("avatar", "me.png", Small), Uploads.File("nickname", "x.txt", Small) };

        using var response = await host.Client.PostAsync("/_actions/UploadAvatar", form);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        host.Calls().Of(nameof(UploadAvatar)).Should().Be(1);
    }

    [Fact]
    public async Task Two_files_for_one_file_member_a_text_value_for_one_or_a_missing_required_one_is_400()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(Expose);
        using var two = new MultipartFormDataContent { Uploads.File("avatar", "a", Small), Uploads.File("avatar", "b", Small) };
        using var text = new MultipartFormDataContent { { new StringContent("not a file"), "cover" } };
        using var missing = new MultipartFormDataContent { { new StringContent("me"), "caption" } };

        using var twoResponse = await host.Client.PostAsync("/_actions/UploadAvatar", two);
        using var textResponse = await host.Client.PostAsync("/_actions/UploadPhotos", text);
        using var missingResponse = await host.Client.PostAsync("/_actions/UploadAvatar", missing);

        (await twoResponse.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("avatar")[0].GetString().Should().Contain("one file");
        (await textResponse.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("cover")[0].GetString().Should().Contain("takes a file");
        (await missingResponse.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("avatar")[0].GetString().Should().Contain("required");
        host.Calls().Of(nameof(UploadAvatar)).Should().Be(0);
        host.Calls().Of(nameof(UploadPhotos)).Should().Be(0);
    }

    [Theory]
    [InlineData("""{"caption":"me","avatar":"aGk="}""", "avatar")]
    [InlineData("""{"caption":"me","avatar":null}""", "avatar")]
    [InlineData("""{"caption":"me","avatar":{"fileName":"a"}}""", "avatar")]
    public async Task A_file_member_in_a_JSON_body_is_400_naming_it_and_no_handler_runs(string json, string field)
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(Expose);

        using var response = await host.Client.PostAsync("/_actions/UploadAvatar", DoorCase.JsonContent(json));

        var errors = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        errors.GetProperty(field)[0].GetString().Should().Contain("multipart/form-data");
        host.Calls().Of(nameof(UploadAvatar)).Should().Be(0);
    }

    [Fact]
    public async Task A_file_in_a_list_in_a_JSON_body_is_400_naming_its_path()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(Expose);

        using var response = await host.Client.PostAsync("/_actions/UploadPhotos", DoorCase.JsonContent("""{"photos":["aGk="]}"""));

        var errors = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        errors.GetProperty("photos[0]")[0].GetString().Should().Contain("multipart/form-data");
        host.Calls().Of(nameof(UploadPhotos)).Should().Be(0);
    }

    [Fact]
    public async Task The_actions_document_describes_a_multipart_body_with_binary_files_and_the_json_body_without_them()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(Expose);

        using var document = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/actions.json"));

        var body = document.RootElement.GetProperty("paths").GetProperty("/_actions/UploadPhotos").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        body.EnumerateObject().Select(p => p.Name).Should().Equal("application/json", "multipart/form-data");
        body.GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString().Should().Be("#/components/schemas/UploadPhotos");
        document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("UploadPhotos").GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).Should().Equal(["album"], "a file never travels in JSON");
        var properties = body.GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties");
        properties.GetProperty("album").GetProperty("type").GetString().Should().Be("string");
        properties.GetProperty("photos").GetProperty("type").GetString().Should().Be("array");
        properties.GetProperty("photos").GetProperty("items").GetProperty("format").GetString().Should().Be("binary");
        properties.GetProperty("cover").GetProperty("type").GetString().Should().Be("string");
        properties.GetProperty("cover").GetProperty("format").GetString().Should().Be("binary");
        var avatarBody = document.RootElement.GetProperty("paths").GetProperty("/_actions/UploadAvatar").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        avatarBody.EnumerateObject().Select(p => p.Name).Should().Equal(["multipart/form-data"], "JSON cannot carry the required file");
        var avatar = avatarBody.GetProperty("multipart/form-data").GetProperty("schema");
        avatar.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("avatar");
        document.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("HybridFile", out _).Should().BeFalse();
        document.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("UploadAvatar", out _).Should().BeFalse("no JSON body refers to it");
    }

    private static async Task<UploadReceipt> ReceiptAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, response.StatusCode == HttpStatusCode.OK ? string.Empty : text);
        return JsonSerializer.Deserialize<UploadReceipt>(text, JsonSerializerOptions.Web)!;
    }
}
