using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;

namespace Hybrid.Actions.Tests;

/// <summary>
/// Per-operation body limits ([RequestSizeLimit], [DisableRequestSizeLimit], or the same metadata
/// from code) win over the door's default (1 MiB), up and down, on both doors. A body with
/// Content-Length is judged before it is read (the in-memory test server); a body without it is cut
/// off while it is read, which only a real server does (Kestrel on 127.0.0.1).
/// </summary>
public sealed class RequestSizeLimitTests
{
    private static readonly string OverDefault = UploadSizes.Json(UploadSizes.OneAndAHalfMiB);

    private static void ExposeUploads(HybridOptions o)
    {
        o.Expose<PlainUpload>(op => op.AsAction().Post("uploads/plain"));
        o.Expose<LargeUpload>(op => op.AsAction().Post("uploads/large"));
        o.Expose<TinyUpload>(op => op.AsAction().Post("uploads/tiny"));
        o.Expose<UnlimitedUpload>(op => op.AsAction().Post("uploads/unlimited"));
    }

    [Fact]
    public void The_bodies_are_the_sizes_the_tests_say()
    {
        OverDefault.Length.Should().BeGreaterThan(UploadSizes.OneMiB).And.BeLessThan(UploadSizes.TwoMiB);
        UploadSizes.Json(UploadSizes.PayloadOf200ByteBody).Length.Should().Be(200);
        new HybridOptions().Actions().MaxBodySize.Should().Be(UploadSizes.OneMiB);
        new HybridOptions().Rest().MaxBodySize.Should().Be(UploadSizes.OneMiB);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_larger_per_operation_limit_is_not_lowered_to_the_door_default(DoorCase door)
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(ExposeUploads);

        using var response = await SendAsync(host, door, nameof(LargeUpload), "uploads/large", DoorCase.JsonContent(OverDefault));

        await ShouldBeAcceptedAsync(response, door, UploadSizes.OneAndAHalfMiB);
        host.Calls().Of(nameof(LargeUpload)).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task An_operation_without_a_limit_of_its_own_refuses_the_same_body_with_413(DoorCase door)
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(ExposeUploads);

        using var response = await SendAsync(host, door, nameof(PlainUpload), "uploads/plain", DoorCase.JsonContent(OverDefault));

        await ShouldBeTooLargeAsync(response);
        host.Calls().Of(nameof(PlainUpload)).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_smaller_per_operation_limit_refuses_a_200_byte_body_and_accepts_a_smaller_one(DoorCase door)
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(ExposeUploads);

        using var tooLarge = await SendAsync(host, door, nameof(TinyUpload), "uploads/tiny", DoorCase.JsonContent(UploadSizes.Json(UploadSizes.PayloadOf200ByteBody)));
        using var small = await SendAsync(host, door, nameof(TinyUpload), "uploads/tiny", DoorCase.JsonContent(UploadSizes.Json(60)));

        await ShouldBeTooLargeAsync(tooLarge);
        await ShouldBeAcceptedAsync(small, door, 60);
        host.Calls().Of(nameof(TinyUpload)).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task DisableRequestSizeLimit_accepts_a_body_over_the_door_default(DoorCase door)
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(ExposeUploads);

        using var response = await SendAsync(host, door, nameof(UnlimitedUpload), "uploads/unlimited", DoorCase.JsonContent(OverDefault));

        await ShouldBeAcceptedAsync(response, door, UploadSizes.OneAndAHalfMiB);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_per_operation_limit_also_wins_over_a_smaller_configured_door_default(DoorCase door)
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o =>
        {
            ExposeUploads(o);
            o.Actions().MaxBodySize = 64;
            o.Rest().MaxBodySize = 64;
        });

        using var large = await SendAsync(host, door, nameof(LargeUpload), "uploads/large", DoorCase.JsonContent(OverDefault));
        using var plain = await SendAsync(host, door, nameof(PlainUpload), "uploads/plain", DoorCase.JsonContent(UploadSizes.Json(100)));

        await ShouldBeAcceptedAsync(large, door, UploadSizes.OneAndAHalfMiB);
        await ShouldBeTooLargeAsync(plain);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_limit_declared_in_code_on_op_is_obeyed_by_both_doors(DoorCase door)
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o => o.Expose<PlainUpload>(op =>
        {
            op.AsAction().Post("uploads/plain");
            op.WithMetadata(new RequestSizeLimitAttribute(UploadSizes.TwoMiB));
        }));

        using var response = await SendAsync(host, door, nameof(PlainUpload), "uploads/plain", DoorCase.JsonContent(OverDefault));

        await ShouldBeAcceptedAsync(response, door, UploadSizes.OneAndAHalfMiB);
    }

    [Fact]
    public async Task A_limit_for_one_door_in_code_wins_over_the_attribute_on_that_door_only()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o => o.Expose<TinyUpload>(op =>
        {
            op.AsAction().Post("uploads/tiny");
            op.Rest().WithMetadata(new RequestSizeLimitAttribute(UploadSizes.TwoMiB));
        }));
        var body = UploadSizes.Json(UploadSizes.PayloadOf200ByteBody);

        using var action = await SendAsync(host, DoorCases.Action, nameof(TinyUpload), "uploads/tiny", DoorCase.JsonContent(body));
        using var rest = await SendAsync(host, DoorCases.Rest, nameof(TinyUpload), "uploads/tiny", DoorCase.JsonContent(body));

        await ShouldBeTooLargeAsync(action);
        await ShouldBeAcceptedAsync(rest, DoorCases.Rest, UploadSizes.PayloadOf200ByteBody);
    }

    [Fact]
    public async Task A_limit_added_with_ForOperation_after_mapping_is_obeyed_on_that_door_only()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(
            ExposeUploads,
            app =>
            {
                app.MapHybridActions().ForOperation<PlainUpload>().WithMetadata(new RequestSizeLimitAttribute(UploadSizes.TwoMiB));
                app.MapHybridRest().ForOperation<TinyUpload>().WithMetadata(new DisableRequestSizeLimitAttribute());
            });

        using var plainAction = await SendAsync(host, DoorCases.Action, nameof(PlainUpload), "uploads/plain", DoorCase.JsonContent(OverDefault));
        using var plainRest = await SendAsync(host, DoorCases.Rest, nameof(PlainUpload), "uploads/plain", DoorCase.JsonContent(OverDefault));
        using var tinyAction = await SendAsync(host, DoorCases.Action, nameof(TinyUpload), "uploads/tiny", DoorCase.JsonContent(OverDefault));
        using var tinyRest = await SendAsync(host, DoorCases.Rest, nameof(TinyUpload), "uploads/tiny", DoorCase.JsonContent(OverDefault));

        await ShouldBeAcceptedAsync(plainAction, DoorCases.Action, UploadSizes.OneAndAHalfMiB);
        await ShouldBeTooLargeAsync(plainRest);
        await ShouldBeTooLargeAsync(tinyAction);
        await ShouldBeAcceptedAsync(tinyRest, DoorCases.Rest, UploadSizes.OneAndAHalfMiB);
    }

    [Fact]
    public async Task A_limit_added_by_a_Finally_convention_after_mapping_is_obeyed()
    {
        // ASP.NET Core runs Finally conventions after every other, in the order they were added:
        // ones the app adds after mapping must still reach the door.
        await using var host = await ActionsHost.StartBothDoorsAsync(
            ExposeUploads,
            app =>
            {
                app.MapHybridActions().ForOperation<PlainUpload>().Finally(b => b.Metadata.Add(new RequestSizeLimitAttribute(UploadSizes.TwoMiB)));
                app.MapHybridRest().Finally(b => b.Metadata.Add(new RequestSizeLimitAttribute(UploadSizes.TwoMiB)));
            });

        using var action = await SendAsync(host, DoorCases.Action, nameof(PlainUpload), "uploads/plain", DoorCase.JsonContent(OverDefault));
        using var rest = await SendAsync(host, DoorCases.Rest, nameof(PlainUpload), "uploads/plain", DoorCase.JsonContent(OverDefault));

        await ShouldBeAcceptedAsync(action, DoorCases.Action, UploadSizes.OneAndAHalfMiB);
        await ShouldBeAcceptedAsync(rest, DoorCases.Rest, UploadSizes.OneAndAHalfMiB);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task Chunked_body_over_a_small_per_operation_limit_is_413(DoorCase door)
    {
        await using var server = await KestrelDoors.StartAsync(ExposeUploads);

        using var response = await SendAsync(server.Client, door, nameof(TinyUpload), "uploads/tiny", new ChunkedJsonContent(UploadSizes.Json(UploadSizes.PayloadOf200ByteBody)));

        await ShouldBeTooLargeAsync(response);
        server.Calls.Of(nameof(TinyUpload)).Should().Be(0);
        server.LastBody.Should().Be(new KestrelDoors.BodyFraming(null, "chunked"));
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task Chunked_body_over_the_door_default_is_accepted_under_a_larger_per_operation_limit(DoorCase door)
    {
        await using var server = await KestrelDoors.StartAsync(ExposeUploads);

        using var large = await SendAsync(server.Client, door, nameof(LargeUpload), "uploads/large", new ChunkedJsonContent(OverDefault));
        using var unlimited = await SendAsync(server.Client, door, nameof(UnlimitedUpload), "uploads/unlimited", new ChunkedJsonContent(OverDefault));

        await ShouldBeAcceptedAsync(large, door, UploadSizes.OneAndAHalfMiB);
        await ShouldBeAcceptedAsync(unlimited, door, UploadSizes.OneAndAHalfMiB);
        server.LastBody.Should().Be(new KestrelDoors.BodyFraming(null, "chunked"));
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task Chunked_body_over_the_door_default_is_413_for_an_operation_without_a_limit_of_its_own(DoorCase door)
    {
        await using var server = await KestrelDoors.StartAsync(ExposeUploads);

        using var response = await SendAsync(server.Client, door, nameof(PlainUpload), "uploads/plain", new ChunkedJsonContent(OverDefault));

        await ShouldBeTooLargeAsync(response);
        server.Calls.Of(nameof(PlainUpload)).Should().Be(0);
    }

    private static async Task<HttpResponseMessage> SendAsync(TestHost host, DoorCase door, string actionId, string restPath, HttpContent content) =>
        await SendAsync(host.Client, door, actionId, restPath, content);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, DoorCase door, string actionId, string restPath, HttpContent content)
    {
        var xsrf = await ActionsHost.GetXsrfAsync(client);
        using var request = door.BodyRequest(new DoorOperation(actionId, restPath), content, xsrf.Session());
        return await client.SendAsync(request);
    }

    private static async Task ShouldBeAcceptedAsync(HttpResponseMessage response, DoorCase door, int payloadLength)
    {
        response.StatusCode.Should().Be(door is ActionDoorCase ? HttpStatusCode.OK : HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<int>()).Should().Be(payloadLength);
    }

    private static async Task ShouldBeTooLargeAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var problem = await response.ReadProblemAsync();
        problem.Status.Should().Be(413);
        problem.Code.Should().Be(ProblemCodes.PayloadTooLarge);
    }
}
