using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text;
using Hybrid.Testing;

namespace Hybrid.Actions.Tests;

/// <summary>
/// The messages of a value that does not fit its member (docs/errors.md), the same on both doors and
/// from every source: wire words and never a CLR type's name, the range of an integer too large,
/// "cannot be null" for null in a member that holds none, and <c>invalid_json</c> with its line and
/// position but not the input.
/// </summary>
public sealed class FieldMessageTests
{
    public static TheoryData<string, string, string> JsonMistakes => new()
    {
        { """{"label":5}""", "label", "The value of 'label' is not text." },
        { """{"count":99999999999}""", "count", "The value of 'count' must be between -2147483648 and 2147483647." },
        { """{"count":-99999999999}""", "count", "The value of 'count' must be between -2147483648 and 2147483647." },
        { """{"count":1.5}""", "count", "The value of 'count' is not an integer." },
        { """{"count":"x"}""", "count", "The value of 'count' is not an integer." },
        { """{"count":null}""", "count", "The value of 'count' cannot be null." },
        { """{"level":300}""", "level", "The value of 'level' must be between 0 and 255." },
        { """{"mood":null}""", "mood", "The value of 'mood' cannot be null." },
        { """{"mood":"Sad"}""", "mood", "The value of 'mood' is not one of: Calm, Busy." },
        { """{"day":"soon"}""", "day", "The value of 'day' is not a date (yyyy-MM-dd)." },
        { """{"done":"yes"}""", "done", "The value of 'done' is not true or false." },
        { """{"samples":[1,99999999999999999999]}""", "samples[1]", "The value of 'samples' must be between -9223372036854775808 and 9223372036854775807." },
        { """{"at":"later"}""", "at", "The value of 'at' is not a date and time (ISO 8601)." },
    };

    public static TheoryData<string, string, string> FormMistakes => new()
    {
        { "count", "99999999999", "The value of 'count' must be between -2147483648 and 2147483647." },
        { "count", "x", "The value of 'count' is not an integer." },
        { "level", "-1", "The value of 'level' must be between 0 and 255." },
        { "mood", "Sad", "The value of 'mood' is not one of: Calm, Busy." },
        { "day", "soon", "The value of 'day' is not a date (yyyy-MM-dd)." },
        { "done", "yes", "The value of 'done' is not true or false." },
        { "samples", "99999999999999999999", "The value of 'samples' must be between -9223372036854775808 and 9223372036854775807." },
    };

    public static TheoryData<string, string, string> QueryMistakes => new()
    {
        { "count", "99999999999", "The value of 'count' must be between -2147483648 and 2147483647." },
        { "level", "256", "The value of 'level' must be between 0 and 255." },
        { "mood", "Sad", "The value of 'mood' is not one of: Calm, Busy." },
        { "ids", "4294967296", "The value of 'ids' must be between -2147483648 and 2147483647." },
    };

    [Theory]
    [MemberData(nameof(JsonMistakes))]
    public async Task A_JSON_value_that_does_not_fit_gets_the_same_wire_worded_message_on_both_doors(string json, string field, string message)
    {
        await using var host = await StartAsync();

        var action = await ErrorsAsync(await SendAsync(host, DoorCases.Action, DoorCase.JsonContent(json)));
        var rest = await ErrorsAsync(await SendAsync(host, DoorCases.Rest, DoorCase.JsonContent(json)));

        action.Should().BeEquivalentTo(new Dictionary<string, string[]> { [field] = [message] });
        rest.Should().BeEquivalentTo(action, "both doors give the same messages");
        host.Calls().Of(nameof(RecordReading)).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(FormMistakes))]
    public async Task A_form_field_that_does_not_fit_gets_the_same_message_on_both_doors_as_in_JSON(string field, string value, string message)
    {
        await using var host = await StartAsync();

        var action = await ErrorsAsync(await SendAsync(host, DoorCases.Action, Form((field, value))));
        var rest = await ErrorsAsync(await SendAsync(host, DoorCases.Rest, Form((field, value))));

        action.Should().BeEquivalentTo(new Dictionary<string, string[]> { [field] = [message] });
        rest.Should().BeEquivalentTo(action);
    }

    [Theory]
    [MemberData(nameof(QueryMistakes))]
    public async Task A_query_value_on_the_REST_door_gets_the_message_the_same_value_gets_on_the_action_door(string field, string value, string message)
    {
        await using var host = await StartAsync();

        using var query = ActionsHost.RestSend(HttpMethod.Get, $"/api/v1/readings?{field}={value}");
        using var queried = await host.Client.SendAsync(query);
        var rest = await ErrorsAsync(queried);
        using var posted = ActionsHost.ActionPost(nameof(FindReadings), new FormUrlEncodedContent([new(field, value)]), await ActionsHost.GetXsrfAsync(host.Client));
        posted.Headers.Accept.ParseAdd("application/json");
        using var answered = await host.Client.SendAsync(posted);
        var action = await ErrorsAsync(answered);

        rest.Should().BeEquivalentTo(new Dictionary<string, string[]> { [field] = [message] });
        action.Should().BeEquivalentTo(rest);
    }

    [Fact]
    public async Task No_message_names_a_CLR_type()
    {
        await using var host = await StartAsync();
        var bodies = JsonMistakes.Select(row => (string)row[0]).Append("""{"label":{},"count":[],"samples":"x","mood":7,"day":1,"done":0}""");

        foreach (var body in bodies)
        {
            foreach (var door in DoorCases.Every)
            {
                var messages = (await ErrorsAsync(await SendAsync(host, door, DoorCase.JsonContent(body)))).Values.SelectMany(m => m).ToList();
                messages.Should().NotBeEmpty();
                messages.Should().NotContain(m => m.Contains("String") || m.Contains("Int32") || m.Contains("Int64") || m.Contains("Byte") ||
                    m.Contains("Boolean") || m.Contains("DateOnly") || m.Contains("List") || m.Contains("ReadingMood") || m.Contains("System."), body);
            }
        }
    }

    [Fact]
    public async Task Malformed_JSON_is_invalid_json_with_its_line_and_position_and_without_the_input_on_both_doors()
    {
        await using var host = await StartAsync();
        const string body = "{\n  \"label\": \"a\",\n  \"count\": 1 <secret>\n}";

        var details = new List<string>();
        foreach (var door in DoorCases.Every)
        {
            using var response = await SendAsync(host, door, DoorCase.JsonContent(body));
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            var problem = await response.ReadProblemAsync();
            problem.Code.Should().Be(ProblemCodes.InvalidJson);
            details.Add(problem.Detail!);
        }

        details[0].Should().Contain("(line 3, position 14)").And.NotContain("secret").And.NotContain("<");
        details[1].Should().Be(details[0]);
    }

    private static Task<TestHost> StartAsync() =>
        ActionsHost.StartBothDoorsAsync(o =>
        {
            o.Expose<RecordReading>(op => op.AsAction().Post("readings"));
            o.Expose<FindReadings>(op => op.AsAction().Get("readings"));
        });

    private static MultipartFormDataContent Form(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value, Encoding.UTF8), name);
        }

        return form;
    }

    private static async Task<HttpResponseMessage> SendAsync(TestHost host, DoorCase door, HttpContent content)
    {
        var xsrf = await ActionsHost.GetXsrfAsync(host.Client);
        using var request = door.BodyRequest(new DoorOperation(nameof(RecordReading), "readings"), content, xsrf.Session());
        if (request.Headers.Accept.Count == 0)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        return await host.Client.SendAsync(request);
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            var problem = await response.ReadProblemAsync();
            problem.Code.Should().Be(ProblemCodes.ValidationFailed, await response.Content.ReadAsStringAsync());
            return problem.Errors!;
        }
    }
}
