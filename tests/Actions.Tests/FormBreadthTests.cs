using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Hybrid.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Hybrid.Actions.Tests;

/// <summary>
/// A form binds what a JSON body binds, the same way: each rule posts a form (urlencoded and
/// multipart) and the equivalent JSON, and the handler must receive the same request from both,
/// equal to the one expected. Malformed fields are 400s keyed by the name as posted, and no handler runs.
/// </summary>
public sealed class FormBreadthTests
{
    private static readonly Guid G1 = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly Guid G2 = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    private static readonly TagItems ExpectedTags = new()
    {
        Tags = ["a", "b"],
        Scores = [3, -1],
        Ids = [G1, G2],
        Stages = [Stage.Review, Stage.Published],
        Days = [new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 3)],
        Weights = [1.5m, null],
        Grid = [[1, 2], [3]],
    };

    private const string TagsJson = """
        {"tags":["a","b"],"scores":[3,-1],"ids":["0f8fad5b-d9cb-469f-a165-70867728950e","7c9e6679-7425-40de-944b-e07fc1f90ae7"],
         "stages":[1,2],"days":["2024-01-02","2024-01-03"],"weights":[1.5,null],"grid":[[1,2],[3]]}
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Repeated_names_bind_collections_of_simple_values_as_json_arrays_do(bool multipart)
    {
        await using var host = await StartAsync();

        await AssertSameAsync(host, "TagItems", multipart, ExpectedTags, TagsJson,
            ("tags", "a"), ("tags", "b"), ("scores", "3"), ("scores", "-1"), ("ids", G1.ToString()), ("ids", G2.ToString()),
            ("stages", "Review"), ("stages", "Published"), ("days", "2024-01-02"), ("days", "2024-01-03"),
            ("weights", "1.5"), ("weights", ""), ("grid[0]", "1"), ("grid[0]", "2"), ("grid[1]", "3"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Indexed_names_in_any_order_bind_collections_as_json_arrays_do(bool multipart)
    {
        await using var host = await StartAsync();

        await AssertSameAsync(host, "TagItems", multipart, ExpectedTags, TagsJson,
            ("tags[1]", "b"), ("tags[0]", "a"), ("scores[0]", "3"), ("scores[1]", "-1"), ("ids[1]", G2.ToString()), ("ids[0]", G1.ToString()),
            ("stages[0]", "Review"), ("stages[1]", "Published"), ("days[0]", "2024-01-02"), ("days[1]", "2024-01-03"),
            ("weights[1]", ""), ("weights[0]", "1.5"), ("grid[1][0]", "3"), ("grid[0][1]", "2"), ("grid[0][0]", "1"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Dotted_and_indexed_names_bind_nested_objects_and_lists_of_objects_at_any_depth(bool multipart)
    {
        await using var host = await StartAsync();
        var expected = new PlaceOrder
        {
            Author = new Contact { Email = "a@b.example", Name = null, Address = new Address("Oslo", null) },
            Items =
            [
                new OrderLine { Name = "Pen", Qty = 2, Options = ["red", "fine"] },
                new OrderLine { Name = "Box", Parts = [new OrderLine { Name = "Lid", Parts = [new OrderLine { Name = "Hinge", Qty = 4 }] }] },
            ],
            Shipping = new Address("Bergen", null),
            Note = null,
        };

        await AssertSameAsync(host, "PlaceOrder", multipart, expected, """
            {"author":{"email":"a@b.example","name":null,"address":{"city":"Oslo","zip":null}},
             "items":[{"name":"Pen","qty":2,"options":["red","fine"]},{"name":"Box","parts":[{"name":"Lid","parts":[{"name":"Hinge","qty":4}]}]}],
             "shipping":{"city":"Bergen"},"note":null}
            """,
            ("author.email", "a@b.example"), ("author.name", ""), ("author.address.city", "Oslo"), ("author.address.zip", ""),
            ("items[0].name", "Pen"), ("items[0].qty", "2"), ("items[0].options", "red"), ("items[0].options", "fine"),
            ("items[1].parts[0].parts[0].qty", "4"), ("items[1].name", "Box"), ("items[1].parts[0].name", "Lid"), ("items[1].parts[0].parts[0].name", "Hinge"),
            ("shipping.city", "Bergen"), ("note", ""));
    }

    [Fact]
    public async Task Names_match_the_json_or_the_csharp_name_at_every_depth()
    {
        await using var host = await StartAsync();
        var expected = new PlaceOrder { Author = new Contact { Email = "x@y.example" }, Items = [new OrderLine { Name = "Cup", Qty = 3 }] };

        await AssertSameAsync(host, "PlaceOrder", multipart: false, expected, """{"author":{"email":"x@y.example"},"items":[{"name":"Cup","qty":3}]}""",
            ("Author.Email", "x@y.example"), ("Items[0].Name", "Cup"), ("items[0].QTY", "3"));
    }

    [Fact]
    public async Task A_field_holding_json_still_binds_an_object_or_a_list()
    {
        await using var host = await StartAsync();
        var expected = new PlaceOrder
        {
            Author = new Contact { Email = "j@s.example", Address = new Address("Rome", "00100") },
            Items = [new OrderLine { Name = "Mug", Qty = 2 }],
        };

        await AssertSameAsync(host, "PlaceOrder", multipart: false, expected, """{"author":{"email":"j@s.example","address":{"city":"Rome","zip":"00100"}},"items":[{"name":"Mug","qty":2}]}""",
            ("author", """{"email":"j@s.example","address":{"city":"Rome","zip":"00100"}}"""), ("items", """[{"name":"Mug","qty":2}]"""));
        await AssertSameAsync(host, "TagItems", multipart: false, new TagItems { Tags = ["x", "y"], Scores = [4] }, """{"tags":["x","y"],"scores":[4]}""",
            ("tags", """["x","y"]"""), ("scores", "[4]"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Simple_values_bind_as_json_values_do_and_an_empty_field_is_null_for_nullable_members(bool multipart)
    {
        await using var host = await StartAsync();
        var expected = new Scalars
        {
            Agree = true,
            Subscribe = true,
            Count = -12,
            Big = null,
            Price = 19.99m,
            Ratio = 1500,
            Day = new DateOnly(2024, 2, 29),
            Until = null,
            At = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)),
            Seen = null,
            Stage = Stage.Review,
            Next = null,
            Id = G1,
            Parent = null,
            Note = null,
            Title = "Hello",
        };

        await AssertSameAsync(host, "Scalars", multipart, expected, """
            {"agree":true,"subscribe":true,"count":-12,"big":null,"price":19.99,"ratio":1500,"day":"2024-02-29","until":null,
             "at":"2024-05-06T07:08:09+02:00","seen":null,"stage":1,"next":null,"id":"0f8fad5b-d9cb-469f-a165-70867728950e",
             "parent":null,"note":null,"title":"Hello"}
            """,
            ("agree", "on"), ("subscribe", "true"), ("subscribe", "false"), ("count", "-12"), ("big", ""), ("price", "19.99"), ("ratio", "1.5e3"),
            ("day", "2024-02-29"), ("until", ""), ("at", "2024-05-06T07:08:09+02:00"), ("seen", ""), ("stage", "Review"), ("next", ""),
            ("id", G1.ToString()), ("parent", ""), ("note", ""), ("title", "Hello"));
    }

    [Fact]
    public async Task Enums_bind_by_name_as_json_does_when_the_apps_json_reads_names()
    {
        await using var host = await StartAsync(namesInJson: true);

        await AssertSameAsync(host, "Scalars", multipart: false, new Scalars { Stage = Stage.Published, Next = Stage.Review }, """{"stage":"Published","next":"Review"}""",
            ("stage", "Published"), ("next", "review"));
    }

    [Theory]
    [InlineData(new[] { "on" }, true)]
    [InlineData(new[] { "true" }, true)]
    [InlineData(new[] { "false" }, false)]
    [InlineData(new[] { "true", "false" }, true)]
    [InlineData(new[] { "false", "true" }, true)]
    [InlineData(new[] { "on", "false" }, true)]
    public async Task Checkboxes_bind_on_true_false_and_the_checkbox_and_hidden_field_pair(string[] values, bool expected)
    {
        await using var host = await StartAsync();
        var json = expected ? "true" : "false";

        await AssertSameAsync(host, "Scalars", multipart: false, new Scalars { Agree = expected, Subscribe = expected }, $$"""{"agree":{{json}},"subscribe":{{json}}}""",
            [.. values.Select(v => ("agree", v)), .. values.Select(v => ("subscribe", v))]);
    }

    [Fact]
    public async Task Reserved_fields_are_never_bound_even_to_a_member_named_like_them()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(Form("Scalars", multipart: false,
            ("__secret", "x"), ("__RequestVerificationToken", "abc"), ("__returnUrl", "/back"), ("title", "T")));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        host.Received().Should().ContainSingle().Which.Should().BeEquivalentTo(new Scalars { Title = "T", Secret = null });
    }

    [Theory]
    [InlineData("PlaceOrder", "items[0].name=a&items[1].name=b&items[1].qty=abc", "items[1].qty")]
    [InlineData("PlaceOrder", "items[0].name=a&items[0].parts[0].name=b&items[0].parts[0].parts[1].name=c", "items[0].parts[0].parts[1].name")]
    [InlineData("PlaceOrder", "items[0]=nope", "items[0]")]
    [InlineData("PlaceOrder", "items.name=a", "items.name")]
    [InlineData("PlaceOrder", "author={broken", "author")]
    [InlineData("PlaceOrder", "author.email.domain=x", "author.email.domain")]
    [InlineData("PlaceOrder", "author={}&author.email=x", "author.email")]
    [InlineData("PlaceOrder", "items=[]&items[0].name=x", "items[0].name")]
    [InlineData("PlaceOrder", "author..email=x", "author..email")]
    [InlineData("PlaceOrder", "items[0.name=x", "items[0.name")]
    [InlineData("PlaceOrder", "items]=x", "items]")]
    [InlineData("TagItems", "tags[1000]=x", "tags[1000]")]
    [InlineData("TagItems", "tags[99999999999]=x", "tags[99999999999]")]
    [InlineData("TagItems", "tags[0]=a&tags[2]=c", "tags[2]")]
    [InlineData("TagItems", "tags[1]=b", "tags[1]")]
    [InlineData("TagItems", "tags[01]=a", "tags[01]")]
    [InlineData("TagItems", "tags[-1]=a", "tags[-1]")]
    [InlineData("TagItems", "tags[x]=a", "tags[x]")]
    [InlineData("TagItems", "tags=a&tags[0]=b", "tags[0]")]
    [InlineData("TagItems", "tags[0]=b&tags=a", "tags")]
    [InlineData("TagItems", "scores=1&scores=abc", "scores")]
    [InlineData("TagItems", "ids[0]=not-a-guid", "ids[0]")]
    [InlineData("TagItems", "grid[0][0]=1&grid[0][5]=2", "grid[0][5]")]
    [InlineData("Scalars", "agree=yes", "agree")]
    [InlineData("Scalars", "agree=true&agree=true", "agree")]
    [InlineData("Scalars", "agree=true&agree=false&agree=false", "agree")]
    [InlineData("Scalars", "count=1&count=2", "count")]
    [InlineData("Scalars", "count=", "count")]
    [InlineData("Scalars", "count=1,000", "count")]
    [InlineData("Scalars", "stage=Draft,Review", "stage")]
    [InlineData("Scalars", "stage=", "stage")]
    [InlineData("Scalars", "day=2024-13-01", "day")]
    [InlineData("Scalars", "until=01/02/2024", "until")]
    [InlineData("Scalars", "at=yesterday", "at")]
    [InlineData("Scalars", "id=not-a-guid", "id")]
    [InlineData("Scalars", "title[0]=x", "title[0]")]
    [InlineData("Scalars", "title=a&Title=b", "title")]
    public async Task A_malformed_field_is_400_keyed_by_the_name_as_posted_and_no_handler_runs(string action, string fields, string key)
    {
        await using var host = await StartAsync();

        foreach (var multipart in new[] { false, true })
        {
            using var response = await host.Client.SendAsync(Form(action, multipart, Split(fields)));

            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, fields);
            var problem = await response.ReadProblemAsync();
            problem.Code.Should().Be(ProblemCodes.ValidationFailed);
            problem.Errors!.Keys.Should().Equal([key], fields);
            problem.Errors[key].Should().ContainSingle().Which.Should().NotBeNullOrWhiteSpace();
        }

        host.Received().Should().BeEmpty();
    }

    [Theory]
    [InlineData("PlaceOrder", "items[0].name=a&items[1].name=b&items[1].qty=abc", """{"items":[{"name":"a"},{"name":"b","qty":"abc"}]}""")]
    [InlineData("PlaceOrder", "items[0].name=a&items[0].parts[0].name=b&items[0].parts[0].qty=x", """{"items":[{"name":"a","parts":[{"name":"b","qty":"x"}]}]}""")]
    [InlineData("PlaceOrder", "items[0].qty=2", """{"items":[{"qty":2}]}""")]
    [InlineData("TagItems", "scores[0]=1&scores[1]=x", """{"scores":[1,"x"]}""")]
    [InlineData("TagItems", "ids[0]=nope", """{"ids":["nope"]}""")]
    [InlineData("TagItems", "days[0]=2024-02-30", """{"days":["2024-02-30"]}""")]
    [InlineData("Scalars", "count=x", """{"count":"x"}""")]
    [InlineData("Scalars", "day=tomorrow", """{"day":"tomorrow"}""")]
    [InlineData("Scalars", "agree=maybe", """{"agree":"maybe"}""")]
    public async Task The_json_door_keys_the_same_mistake_by_the_same_path_with_the_same_message(string action, string fields, string json)
    {
        await using var host = await StartAsync();

        using var fromForm = await host.Client.SendAsync(Form(action, multipart: false, Split(fields)));
        using var fromJson = await host.Client.SendAsync(ActionsHost.JsonPost(action, json, xsrf: null));

        fromForm.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        fromJson.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var formProblem = await fromForm.ReadProblemAsync();
        var jsonProblem = await fromJson.ReadProblemAsync();
        formProblem.Code.Should().Be(ProblemCodes.ValidationFailed);
        formProblem.Errors.Should().ContainSingle();
        formProblem.Errors.Should().BeEquivalentTo(jsonProblem.Errors);
        host.Received().Should().BeEmpty();
    }

    [Fact]
    public async Task A_non_flags_enum_comma_list_is_refused_by_both_doors_alike()
    {
        await using var host = await StartAsync(namesInJson: true);

        using var fromForm = await host.Client.SendAsync(Form("Scalars", multipart: false, ("stage", "Draft,Review")));
        using var fromJson = await host.Client.SendAsync(ActionsHost.JsonPost("Scalars", """{"stage":"Draft,Review"}""", xsrf: null));

        var formProblem = await fromForm.ReadProblemAsync();
        formProblem.Errors!.Keys.Should().Equal("stage");
        formProblem.Errors.Should().BeEquivalentTo((await fromJson.ReadProblemAsync()).Errors);
        host.Received().Should().BeEmpty();
    }

    [Fact]
    public async Task A_member_posted_under_both_its_json_and_its_csharp_name_is_400()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(Form("CreateNote", multipart: false, ("title", "T"), ("color_code", "#aaaaaa"), ("ColorCode", "#bbbbbb")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.Should().Equal("ColorCode");
        host.Store().HandlerCalls.Should().Be(0);
    }

    [Fact]
    public void The_binder_lists_the_fields_that_bound_to_nothing_as_posted()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        var binder = new FormBinder<PlaceOrder>(RequestShape.For(typeof(PlaceOrder), json), (JsonTypeInfo<PlaceOrder>)json.GetTypeInfo(typeof(PlaceOrder)));
        var files = new FormFileCollection { new FormFile(Stream.Null, 0, 0, "upload", "a.txt") };
        var form = new FormCollection(
            new Dictionary<string, StringValues>
            {
                ["note"] = "n",
                ["title"] = "not a member",
                ["author.nickname"] = "z",
                ["items[0].name"] = "a",
                ["items[0].color"] = "red",
                ["nope]"] = "malformed, for no member",
                ["__returnUrl"] = "/",
                ["__RequestVerificationToken"] = "t",
            },
            files);

        var request = binder.Bind(form, out var errors, out var unbound);

        errors.Should().BeNull();
        request!.Note.Should().Be("n");
        request.Author.Should().BeNull();
        request.Items.Should().ContainSingle().Which.Name.Should().Be("a");
        unbound.Should().Equal("title", "author.nickname", "items[0].color", "nope]", "upload");
    }

    private static async Task AssertSameAsync<T>(TestHost host, string action, bool multipart, T expected, string json, params (string Name, string Value)[] fields)
    {
        var store = host.Services.GetRequiredService<BreadthStore>();
        store.Received.Clear();

        using var fromForm = await host.Client.SendAsync(Form(action, multipart, fields));
        using var fromJson = await host.Client.SendAsync(ActionsHost.JsonPost(action, json, xsrf: null));

        fromForm.StatusCode.Should().Be(HttpStatusCode.NoContent, await fromForm.Content.ReadAsStringAsync());
        fromJson.StatusCode.Should().Be(HttpStatusCode.NoContent, await fromJson.Content.ReadAsStringAsync());
        var received = store.Received.ToArray();
        received.Should().HaveCount(2);
        received[0].Should().BeOfType<T>().And.BeEquivalentTo(expected, o => o.WithStrictOrdering(), "the form binds as expected");
        received[1].Should().BeOfType<T>().And.BeEquivalentTo(expected, o => o.WithStrictOrdering(), "the JSON binds as expected");
    }

    private static HttpRequestMessage Form(string action, bool multipart, params (string Name, string Value)[] fields)
    {
        HttpContent content;
        if (multipart)
        {
            var parts = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                parts.Add(new StringContent(value, Encoding.UTF8), name);
            }

            content = parts;
        }
        else
        {
            content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        }

        var message = new HttpRequestMessage(HttpMethod.Post, "/_actions/" + action) { Content = content };
        message.Headers.Accept.ParseAdd("application/json");
        return message;
    }

    private static (string Name, string Value)[] Split(string fields) =>
        [.. fields.Split('&').Select(f => f.Split('=', 2)).Select(p => (p[0], p[1]))];

    private static Task<TestHost> StartAsync(bool namesInJson = false) =>
        ActionsHost.StartAsync(
            o =>
            {
                o.Expose<TagItems>(op => op.AsAction());
                o.Expose<PlaceOrder>(op => op.AsAction());
                o.Expose<Scalars>(op => op.AsAction());
            },
            services: s =>
            {
                s.AddSingleton<BreadthStore>();
                if (namesInJson)
                {
                    s.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
                }
            });
}

internal static class BreadthStoreExtensions
{
    public static IReadOnlyCollection<object> Received(this TestHost host) => host.Services.GetRequiredService<BreadthStore>().Received;
}
