using System.Net;
using System.Net.Sockets;
using System.Text;
using Hybrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Actions.Tests;

/// <summary>
/// The input rules of docs/actions-input.md on both doors: every mistake of one submit in one answer
/// (form and JSON), a form's unknown fields ignored while JSON stays strict, an empty form field null
/// for a nullable member, a POST with no body a call with no arguments, and one start-up line for
/// every operation that states no policy.
/// </summary>
public sealed class InputRulesTests
{
    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_form_names_a_value_that_does_not_parse_and_every_rule_the_other_fields_fail_in_one_answer(DoorCase door)
    {
        await using var host = await StartAsync();

        using var response = await SendFormAsync(host, door,
            ("title", ""), ("publishOn", "not-a-date"), ("summary", "far too long for ten"), ("priority", "9"), ("author.name", ""), ("author.age", "x"));

        var errors = await RefusedAsync(response);
        errors.Keys.Should().BeEquivalentTo("publishOn", "title", "summary", "priority", "author.name", "author.age");
        errors["publishOn"].Should().Equal("The value of 'publishOn' is not a date (yyyy-MM-dd).");
        errors["title"].Should().ContainSingle().Which.Should().Contain("required");
        errors["summary"].Should().ContainSingle().Which.Should().Contain("10");
        errors["author.age"].Should().ContainSingle().Which.Should().Contain("integer", "a field that did not parse is not judged by its rules too");
        NothingRan(host);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_JSON_body_names_each_value_of_the_wrong_type_and_every_rule_the_other_members_fail_in_one_answer(DoorCase door)
    {
        await using var host = await StartAsync();

        using var response = await SendJsonAsync(host, door, """
            {"title":"ok","summary":"far too long for ten","priority":"high","publishOn":"not-a-date",
             "scores":[1,"x"],"author":{"name":null,"age":"old"}}
            """);

        var errors = await RefusedAsync(response);
        errors.Keys.Should().BeEquivalentTo("summary", "priority", "publishOn", "scores[1]", "author.name", "author.age");
        errors["summary"].Should().ContainSingle().Which.Should().Contain("10");
        errors["priority"].Should().Equal("The value of 'priority' is not an integer.");
        errors["author.name"].Should().ContainSingle().Which.Should().Contain("required");
        NothingRan(host);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_JSON_member_the_request_does_not_have_is_still_refused_and_named_beside_the_other_mistakes(DoorCase door)
    {
        await using var host = await StartAsync();

        using var response = await SendJsonAsync(host, door, """{"title":"","colour":"red","priority":"high"}""");

        var errors = await RefusedAsync(response);
        errors.Keys.Should().BeEquivalentTo("colour", "priority", "title");
        errors["colour"].Should().Equal("The request has no member 'colour'.");
        NothingRan(host);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_missing_required_member_is_named_beside_a_value_of_the_wrong_type(DoorCase door)
    {
        await using var host = await StartAsync();

        using var response = await SendJsonAsync(host, door, """{"slug":"x","title":"ok","priority":"high"}""", nameof(SaveSlugged), "slugged");
        using var missing = await SendJsonAsync(host, door, """{"title":"","priority":"high"}""", nameof(SaveSlugged), "slugged");

        (await RefusedAsync(response)).Keys.Should().BeEquivalentTo("priority");
        var errors = await RefusedAsync(missing);
        errors.Keys.Should().BeEquivalentTo("slug", "priority", "title");
        errors["slug"].Should().Equal("The slug field is required.");
        host.Calls().Of(nameof(SaveSlugged)).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_form_field_naming_no_member_is_ignored_and_logged_at_Debug(DoorCase door)
    {
        var log = new RecordedLog();
        await using var host = await StartAsync(log);

        using var response = await SendFormAsync(host, door, ("title", "Hi"), ("intent", "publish"), ("author.nickname", "z"));

        response.StatusCode.Should().Be(Accepted(door), await response.Content.ReadAsStringAsync());
        host.Services.GetRequiredService<DraftInbox>().Received.Should().ContainSingle().Which.Title.Should().Be("Hi");
        log.Entries.Should().ContainSingle(e => e.Category == "Hybrid.Doors" && e.EventId == 5).Which.Should().Match<RecordedLog.Entry>(e =>
            e.Level == LogLevel.Debug && e.Message.Contains("2 form fields of SaveDraft") && e.Message.EndsWith("intent, author.nickname"));
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task An_empty_form_field_is_null_for_a_nullable_member_and_the_empty_string_for_a_string(DoorCase door)
    {
        await using var host = await StartAsync();

        using var response = await SendFormAsync(host, door, ("title", "Hi"), ("nickname", ""), ("note", ""), ("summary", ""), ("publishOn", ""));

        response.StatusCode.Should().Be(Accepted(door), await response.Content.ReadAsStringAsync());
        var draft = host.Services.GetRequiredService<DraftInbox>().Received.Should().ContainSingle().Subject;
        draft.Nickname.Should().BeNull("string? takes null, as MVC's ConvertEmptyStringToNull gives it");
        draft.Summary.Should().BeNull();
        draft.PublishOn.Should().BeNull();
        draft.Note.Should().BeEmpty("a non-nullable string never holds null");
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task An_empty_required_form_field_is_one_required_error(DoorCase door)
    {
        await using var host = await StartAsync();

        using var response = await SendFormAsync(host, door, ("title", ""), ("author.name", ""));

        var errors = await RefusedAsync(response);
        errors.Keys.Should().BeEquivalentTo("title", "author.name");
        errors["title"].Should().ContainSingle().Which.Should().Contain("required");
        NothingRan(host);
    }

    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public async Task A_POST_with_no_body_and_no_content_type_on_a_real_server_is_a_call_with_no_arguments(DoorCase door)
    {
        await using var server = await KestrelDoors.StartAsync(o => o.Expose<CountNotes>(op => op.Post("notes/count")));
        var path = door is ActionDoorCase ? "/_actions/custom-id" : "/api/v1/notes/count";

        // What curl -X POST sends: no Content-Type, no Content-Length, no Transfer-Encoding.
        var status = await SendBareAsync(server.Client.BaseAddress!, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        status.Should().StartWith(door is ActionDoorCase ? "HTTP/1.1 200" : "HTTP/1.1 201");
        server.LastBody.Should().Be(new KestrelDoors.BodyFraming(null, string.Empty));
    }

    [Fact]
    public async Task Operations_that_state_no_policy_are_one_start_up_warning_that_counts_and_names_them()
    {
        var log = new RecordedLog();
        await using var host = await StartAsync(log);

        var warnings = log.Entries.Where(e => e.Category == "Hybrid.Exposure" && e.Level == LogLevel.Warning).ToList();

        var warning = warnings.Should().ContainSingle("one line, however many operations").Subject;
        warning.EventId.Should().Be(41);
        var count = int.Parse(warning.Message[..warning.Message.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        count.Should().BeGreaterThan(1);
        warning.Message.Should().StartWith($"{count} exposed operation(s) state no authorization policy and no [AllowAnonymous]")
            .And.Contain("Hybrid.Actions.Tests.SaveDraft (action SaveDraft, rest POST v1/drafts)")
            .And.Contain("Hybrid.Actions.Tests.SaveSlugged (action SaveSlugged, rest POST v1/slugged)")
            .And.Contain("HYB045");
    }

    private static Task<TestHost> StartAsync(RecordedLog? log = null) =>
        ActionsHost.StartBothDoorsAsync(
            o =>
            {
                o.Expose<SaveDraft>(op => op.AsAction().Post("drafts"));
                o.Expose<SaveSlugged>(op => op.AsAction().Post("slugged"));
            },
            services: s =>
            {
                s.AddSingleton<DraftInbox>();
                log?.AddTo(s);
            });

    private static async Task<HttpResponseMessage> SendFormAsync(TestHost host, DoorCase door, params (string Name, string Value)[] fields)
    {
        // Multipart on both doors: the REST door takes a form for a request type with a file member.
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value, Encoding.UTF8), name);
        }

        return await SendAsync(host, door, form, nameof(SaveDraft), "drafts");
    }

    private static Task<HttpResponseMessage> SendJsonAsync(TestHost host, DoorCase door, string json, string actionId = nameof(SaveDraft), string restPath = "drafts") =>
        SendAsync(host, door, DoorCase.JsonContent(json), actionId, restPath);

    private static async Task<HttpResponseMessage> SendAsync(TestHost host, DoorCase door, HttpContent content, string actionId, string restPath)
    {
        var xsrf = await ActionsHost.GetXsrfAsync(host.Client);
        using var request = door.BodyRequest(new DoorOperation(actionId, restPath), content, xsrf.Session());
        if (request.Headers.Accept.Count == 0)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        return await host.Client.SendAsync(request);
    }

    /// <summary>Sends raw bytes, as a client that writes its own request line and headers does, and returns the status line.</summary>
    private static async Task<string> SendBareAsync(Uri server, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync() ?? string.Empty;
    }

    private static HttpStatusCode Accepted(DoorCase door) => door is ActionDoorCase ? HttpStatusCode.OK : HttpStatusCode.Created;

    private static async Task<Dictionary<string, string[]>> RefusedAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        return problem.Errors!;
    }

    private static void NothingRan(TestHost host)
    {
        host.Calls().Of(nameof(SaveDraft)).Should().Be(0);
        host.Services.GetRequiredService<DraftInbox>().Received.Should().BeEmpty();
    }
}
