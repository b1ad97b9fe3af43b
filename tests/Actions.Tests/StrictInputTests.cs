using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hybrid.Testing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions.Tests;

/// <summary>
/// Strict, bounded input on both doors (docs/actions-input.md): duplicate and unknown members,
/// depth, body and form limits, and no type but the declared one ever created. Every refusal is a
/// problem with a stable code, and no handler runs.
/// </summary>
public sealed class StrictInputTests
{

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_property_named_twice_is_400_naming_it(DoorCase door)
    {
        await using var host = await StartAsync();

        using var response = await SendAsync(host, door, """{"title":"first","quantity":1,"title":"second"}""");

        var problem = await RefusedAsync(response, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        problem.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["title"] = ["The property 'title' appears more than once."] });
        NothingRan(host);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_property_named_twice_in_different_case_is_400_because_the_reader_ignores_case(DoorCase door)
    {
        await using var host = await StartAsync();

        using var response = await SendAsync(host, door, """{"title":"first","Title":"second"}""");

        var problem = await RefusedAsync(response, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        problem.Errors.Should().ContainKey("Title").WhoseValue.Should().Equal("The property 'Title' appears more than once.");
        NothingRan(host);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_duplicate_in_a_nested_object_or_in_free_JSON_is_400_keyed_by_its_path_never_500(DoorCase door)
    {
        await using var host = await StartAsync();

        using var nested = await SendAsync(host, door, """{"title":"a","address":{"city":"x","city":"y"}}""");
        using var element = await SendAsync(host, door, """{"title":"a","extra":{"k":1,"k":2}}""");
        using var node = await SendAsync(host, door, """{"title":"a","bag":{"k":1,"k":2}}""");
        using var nodeInArray = await SendAsync(host, door, """{"title":"a","items":[{"k":1,"K":2}]}""");

        (await RefusedAsync(nested, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should().ContainKey("address.city");
        (await RefusedAsync(element, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should().ContainKey("extra");
        (await RefusedAsync(node, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should().ContainKey("bag");
        (await RefusedAsync(nodeInArray, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should().ContainKey("items");
        NothingRan(host);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_member_the_request_does_not_have_is_400_naming_it(DoorCase door)
    {
        await using var host = await StartAsync();

        using var response = await SendAsync(host, door, """{"title":"a","colour":"red"}""");

        var problem = await RefusedAsync(response, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        problem.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]> { ["colour"] = ["The request has no member 'colour'."] });
        NothingRan(host);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task An_unknown_member_in_a_nested_object_or_a_list_item_is_keyed_by_its_path(DoorCase door)
    {
        await using var host = await StartAsync();

        using var nested = await SendAsync(host, door, """{"title":"a","address":{"city":"x","zip":"1"}}""");
        using var item = await SendAsync(host, door, """{"title":"a","lines":[{"sku":1},{"sku":2,"qty":3}]}""");

        (await RefusedAsync(nested, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should()
            .BeEquivalentTo(new Dictionary<string, string[]> { ["address.zip"] = ["The request has no member 'address.zip'."] });
        (await RefusedAsync(item, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should()
            .BeEquivalentTo(new Dictionary<string, string[]> { ["lines[1].qty"] = ["The request has no member 'lines[1].qty'."] });
        NothingRan(host);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task AllowUnknownMembers_lets_unknown_members_through_and_binds_the_known_ones(DoorCase door)
    {
        await using var host = await StartAsync(o => o.AllowUnknownMembers = true);

        using var response = await SendAsync(host, door, """{"title":"a","quantity":3,"colour":"red","address":{"city":"x","zip":"1"}}""");

        response.StatusCode.Should().Be(Accepted(door), await response.Content.ReadAsStringAsync());
        var order = host.Services.GetRequiredService<StrictInbox>().Received.Should().ContainSingle().Which.Should().BeOfType<StrictOrder>().Subject;
        order.Title.Should().Be("a");
        order.Address!.City.Should().Be("x");
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task Nesting_up_to_32_levels_is_read_and_one_more_is_400_invalid_json(DoorCase door)
    {
        await using var host = await StartAsync();

        using var atLimit = await SendAsync(host, door, Nested(31));
        using var overLimit = await SendAsync(host, door, Nested(32));

        atLimit.StatusCode.Should().Be(Accepted(door), await atLimit.Content.ReadAsStringAsync());
        var problem = await RefusedAsync(overLimit, HttpStatusCode.BadRequest, ProblemCodes.InvalidJson);
        problem.Detail.Should().Contain("deeper");
        host.Calls().Of(nameof(StrictOrder)).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task MaxJsonDepth_sets_the_bound(DoorCase door)
    {
        await using var host = await StartAsync(o => o.MaxJsonDepth = 4);

        using var atLimit = await SendAsync(host, door, Nested(3));
        using var overLimit = await SendAsync(host, door, Nested(4));

        atLimit.StatusCode.Should().Be(Accepted(door), await atLimit.Content.ReadAsStringAsync());
        await RefusedAsync(overLimit, HttpStatusCode.BadRequest, ProblemCodes.InvalidJson);
        host.Calls().Of(nameof(StrictOrder)).Should().Be(1);
    }

    [Fact]
    public async Task MaxJsonDepth_bounds_a_form_field_name_with_the_same_number_as_a_JSON_body()
    {
        await using var atTwo = await StartAsync(o => o.MaxJsonDepth = 2);
        await using var atOne = await StartAsync(o => o.MaxJsonDepth = 1);

        using var formAtTwo = await FormAsync(atTwo, ("title", "a"), ("address.city", "x"));
        using var jsonAtTwo = await SendAsync(atTwo, DoorCases.Action, """{"title":"a","address":{"city":"x"}}""");
        using var formAtOne = await FormAsync(atOne, ("title", "a"), ("address.city", "x"));
        using var jsonAtOne = await SendAsync(atOne, DoorCases.Action, """{"title":"a","address":{"city":"x"}}""");

        formAtTwo.StatusCode.Should().Be(HttpStatusCode.OK, await formAtTwo.Content.ReadAsStringAsync());
        jsonAtTwo.StatusCode.Should().Be(HttpStatusCode.OK, await jsonAtTwo.Content.ReadAsStringAsync());
        (await RefusedAsync(formAtOne, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should().ContainKey("address.city")
            .WhoseValue.Should().Equal("'address.city' nests deeper than the 1 levels a request may have.");
        await RefusedAsync(jsonAtOne, HttpStatusCode.BadRequest, ProblemCodes.InvalidJson);

        static async Task<HttpResponseMessage> FormAsync(TestHost host, params (string Name, string Value)[] fields)
        {
            var xsrf = await host.GetXsrfAsync();
            return await host.Client.SendAsync(ActionsHost.FormPost(nameof(StrictOrder), xsrf, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), accept: "application/json"));
        }
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_body_nested_100000_deep_is_400_never_500(DoorCase door)
    {
        await using var host = await StartAsync();

        using var response = await SendAsync(host, door, Nested(100_000));

        await RefusedAsync(response, HttpStatusCode.BadRequest, ProblemCodes.InvalidJson);
        NothingRan(host);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public async Task MaxJsonDepth_outside_1_to_256_stops_the_app_at_start(int depth)
    {
        var start = () => StartAsync(o => o.MaxJsonDepth = depth);

        (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Message.Should().Contain("MaxJsonDepth");
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task Type_metadata_on_a_type_that_is_not_polymorphic_is_400_and_creates_nothing(DoorCase door)
    {
        await using var host = await StartAsync();

        using var type = await SendAsync(host, door, """{"$type":"System.IO.FileInfo, System.IO.FileSystem","title":"a"}""");
        using var id = await SendAsync(host, door, """{"$id":"1","title":"a"}""");
        using var reference = await SendAsync(host, door, """{"title":"a","address":{"$ref":"1"}}""");

        (await RefusedAsync(type, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should().ContainKey("$type");
        (await RefusedAsync(id, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should().ContainKey("$id");
        (await RefusedAsync(reference, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should().ContainKey("address.$ref");
        NothingRan(host);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task References_are_not_honoured_even_when_the_app_writes_them(DoorCase door)
    {
        await using var host = await StartAsync(services: s => s.ConfigureHttpJsonOptions(j => j.SerializerOptions.ReferenceHandler = ReferenceHandler.Preserve));

        using var response = await SendAsync(host, door, """{"$id":"1","title":"a","address":{"$ref":"1"}}""");

        // The app's Preserve also writes the problem with its own "$id"s: read it as plain JSON.
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("code").GetString().Should().Be(ProblemCodes.ValidationFailed);
        problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain("$id");
        NothingRan(host);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_polymorphic_member_takes_its_declared_derived_types_and_nothing_else(DoorCase door)
    {
        await using var host = await StartAsync();

        using var declared = await SendAsync(host, door, """{"title":"a","shape":{"$type":"circle","radius":2}}""");
        using var undeclared = await SendAsync(host, door, """{"title":"a","shape":{"$type":"System.IO.FileInfo, System.IO.FileSystem"}}""");
        using var twice = await SendAsync(host, door, """{"title":"a","shape":{"$type":"circle","$type":"circle"}}""");
        using var unknownInDerived = await SendAsync(host, door, """{"title":"a","shape":{"$type":"circle","radius":2,"side":3}}""");

        declared.StatusCode.Should().Be(Accepted(door), await declared.Content.ReadAsStringAsync());
        host.Services.GetRequiredService<StrictInbox>().Received.Should().ContainSingle()
            .Which.Should().BeOfType<StrictOrder>().Which.Shape.Should().BeOfType<StrictCircle>().Which.Radius.Should().Be(2);
        (await RefusedAsync(undeclared, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should().ContainKey("shape");
        (await RefusedAsync(twice, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should().ContainKey("shape.$type");
        (await RefusedAsync(unknownInDerived, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should()
            .BeEquivalentTo(new Dictionary<string, string[]> { ["shape.side"] = ["The request has no member 'shape.side'."] });
        host.Calls().Of(nameof(StrictOrder)).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_polymorphic_request_type_is_never_created_as_a_derived_type(DoorCase door)
    {
        await using var host = await StartAsync();

        using var response = await SendAsync(host, door, """{"$type":"promoted","title":"a","free":true}""", nameof(PlacedOrder), "strict/placed");

        (await RefusedAsync(response, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should().ContainKey("$type");
        host.Calls().Of(nameof(PlacedOrder)).Should().Be(0);
        host.Calls().Of(nameof(PromotedOrder)).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_polymorphic_request_type_is_created_as_declared_when_unknown_members_are_allowed(DoorCase door)
    {
        await using var host = await StartAsync(o => o.AllowUnknownMembers = true);

        using var response = await SendAsync(host, door, """{"$type":"promoted","title":"a","free":true}""", nameof(PlacedOrder), "strict/placed");

        response.StatusCode.Should().Be(Accepted(door), await response.Content.ReadAsStringAsync());
        host.Services.GetRequiredService<StrictInbox>().Received.Should().ContainSingle().Which.GetType().Should().Be<PlacedOrder>();
        host.Calls().Of(nameof(PromotedOrder)).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_chunked_body_over_the_door_limit_is_413_on_a_real_server(DoorCase door)
    {
        await using var server = await KestrelDoors.StartAsync(o =>
        {
            Expose(o);
            o.Actions().MaxBodySize = 4096;
            o.Rest().MaxBodySize = 4096;
        });

        using var request = await RequestAsync(server.Client, door, new ChunkedJsonContent(LongTitle(256 * 1024)), nameof(StrictOrder), "strict/orders");
        using var response = await server.Client.SendAsync(request);

        await RefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge);
        server.Calls.Of(nameof(StrictOrder)).Should().Be(0);
        server.LastBody.Should().Be(new KestrelDoors.BodyFraming(null, "chunked"));
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_chunked_body_over_the_door_limit_is_413_on_a_server_that_cannot_be_told_the_limit(DoorCase door)
    {
        // The in-memory test server has no IHttpMaxRequestBodySizeFeature: the door counts what it reads.
        await using var host = await StartAsync(o =>
        {
            o.Actions().MaxBodySize = 4096;
            o.Rest().MaxBodySize = 4096;
        });

        using var over = await SendAsync(host, door, new ChunkedJsonContent(LongTitle(256 * 1024)));
        using var under = await SendAsync(host, door, new ChunkedJsonContent(LongTitle(1024)));

        await RefusedAsync(over, HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge);
        under.StatusCode.Should().Be(Accepted(door), await under.Content.ReadAsStringAsync());
        host.Calls().Of(nameof(StrictOrder)).Should().Be(1);
    }

    public static TheoryData<string, Action<FormOptions>, string[]> FormLimits => new()
    {
        { "value count", f => f.ValueCountLimit = 4, ["a", "b", "c", "d", "e"] },
        { "key length", f => f.KeyLengthLimit = 32, [new string('k', 64)] },
        { "value length", f => f.ValueLengthLimit = 512, ["title"] },
    };

    [Theory]
    [MemberData(nameof(FormLimits))]
    public async Task A_form_over_a_FormOptions_limit_is_413(string limit, Action<FormOptions> configure, string[] fields)
    {
        await using var host = await StartAsync(services: s => s.Configure(configure));
        var xsrf = await host.GetXsrfAsync();
        var values = fields.Select(f => new KeyValuePair<string, string>(f, f == "title" ? new string('t', 1024) : "1"));

        using var over = await host.Client.SendAsync(ActionsHost.FormPost(nameof(StrictOrder), xsrf, values, accept: "application/json"));
        using var under = await host.Client.SendAsync(ActionsHost.FormPost(nameof(StrictOrder), xsrf, [new("title", "t")], accept: "application/json"));

        var problem = await RefusedAsync(over, HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge);
        problem.Detail.Should().Contain("form", because: limit);
        under.StatusCode.Should().Be(HttpStatusCode.OK, await under.Content.ReadAsStringAsync());
        host.Calls().Of(nameof(StrictOrder)).Should().Be(1);
    }

    [Fact]
    public async Task A_multipart_form_over_the_multipart_body_limit_is_413()
    {
        await using var host = await StartAsync(services: s => s.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = 256));
        using var content = new MultipartFormDataContent { { new StringContent(new string('t', 1024)), "title" } };

        using var response = await host.Client.SendAsync(ActionsHost.ActionPost(nameof(StrictOrder), content, xsrf: null));

        await RefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge);
        NothingRan(host);
    }

    [Fact]
    public async Task A_form_field_holding_JSON_nested_100_deep_is_400_never_500()
    {
        await using var host = await StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost(nameof(StrictOrder), xsrf, [new("title", "a"), new("extra", Brackets(100))], accept: "application/json"));

        (await RefusedAsync(response, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should().ContainKey("extra");
        NothingRan(host);
    }

    [Fact]
    public async Task A_form_field_holding_JSON_nested_past_MaxJsonDepth_is_400()
    {
        await using var host = await StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var response = await host.Client.SendAsync(ActionsHost.FormPost(nameof(StrictOrder), xsrf, [new("title", "a"), new("extra", Brackets(40))], accept: "application/json"));

        await RefusedAsync(response, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        NothingRan(host);
    }

    [Fact]
    public async Task A_form_field_the_request_does_not_have_is_ignored_as_MVC_ignores_it_while_JSON_stays_strict()
    {
        await using var host = await StartAsync();
        var xsrf = await host.GetXsrfAsync();

        using var form = await host.Client.SendAsync(ActionsHost.FormPost(nameof(StrictOrder), xsrf, [new("title", "a"), new("colour", "red")], accept: "application/json"));
        using var json = await SendAsync(host, DoorCases.Action, """{"title":"a","colour":"red"}""");

        form.StatusCode.Should().Be(HttpStatusCode.OK, await form.Content.ReadAsStringAsync());
        host.Services.GetRequiredService<StrictInbox>().Received.Should().ContainSingle().Which.Should().BeOfType<StrictOrder>().Which.Title.Should().Be("a");
        (await RefusedAsync(json, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).Errors.Should().ContainKey("colour");
    }

    private static void Expose(HybridOptions o)
    {
        o.Expose<StrictOrder>(op => op.AsAction().Post("strict/orders"));
        o.Expose<PlacedOrder>(op => op.AsAction().Post("strict/placed"));
    }

    private static Task<TestHost> StartAsync(Action<HybridOptions>? configure = null, Action<IServiceCollection>? services = null) =>
        ActionsHost.StartBothDoorsAsync(
            o =>
            {
                Expose(o);
                configure?.Invoke(o);
            },
            services: s =>
            {
                s.AddSingleton<StrictInbox>();
                services?.Invoke(s);
            });

    private static Task<HttpResponseMessage> SendAsync(TestHost host, DoorCase door, string json, string actionId = nameof(StrictOrder), string restPath = "strict/orders") =>
        SendAsync(host, door, DoorCase.JsonContent(json), actionId, restPath);

    private static async Task<HttpResponseMessage> SendAsync(TestHost host, DoorCase door, HttpContent content, string actionId = nameof(StrictOrder), string restPath = "strict/orders")
    {
        using var request = await RequestAsync(host.Client, door, content, actionId, restPath);
        return await host.Client.SendAsync(request);
    }

    /// <summary>The body to one door, with the page session the action door checks.</summary>
    private static async Task<HttpRequestMessage> RequestAsync(HttpClient client, DoorCase door, HttpContent content, string actionId, string restPath)
    {
        var xsrf = await ActionsHost.GetXsrfAsync(client);
        return door.BodyRequest(new DoorOperation(actionId, restPath), content, xsrf.Session());
    }

    private static HttpStatusCode Accepted(DoorCase door) => door is ActionDoorCase ? HttpStatusCode.OK : HttpStatusCode.Created;

    private static async Task<ProblemBody> RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(code);
        return problem;
    }

    private static void NothingRan(TestHost host)
    {
        host.Calls().Of(nameof(StrictOrder)).Should().Be(0);
        host.Calls().Of(nameof(PlacedOrder)).Should().Be(0);
        host.Calls().Of(nameof(PromotedOrder)).Should().Be(0);
        host.Services.GetRequiredService<StrictInbox>().Received.Should().BeEmpty();
    }

    /// <summary>A body <paramref name="arrays"/> + 1 levels deep: the request object, then nested arrays in its free JSON member.</summary>
    private static string Nested(int arrays) => """{"title":"deep","extra":""" + Brackets(arrays) + "}";

    private static string Brackets(int depth) => new StringBuilder(2 * depth).Append('[', depth).Append(']', depth).ToString();

    private static string LongTitle(int length) => """{"title":""" + "\"" + new string('t', length) + "\"}";
}
