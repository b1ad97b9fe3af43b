using System.Net;
using System.Reflection;

namespace Hybrid.EndToEnd.Tests.Parsing;

/// <summary>
/// One rule turns a single string into a typed value, whichever source the string came from: the
/// same text as a REST route value, a REST query value, an action's HTML form field, and (written
/// as JSON) a JSON body on either door binds the same value, or is refused with the same field
/// error, keyed by the member's JSON name, and the handler never runs. One difference is the forms'
/// own: an empty form field is null for a member that takes null (docs/actions-input.md).
/// </summary>
public sealed class ValueParserParityTests(ParsingHost host) : IClassFixture<ParsingHost>
{
    private static readonly Guid SomeGuid = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");

    /// <summary>A case: the text sent as a route, query or form value, the same value written as a JSON token, and what binds (or that it is refused).</summary>
    private sealed record Case(string Member, string Text, string Json, bool Valid, object? Expected);

    private static readonly Case[] All =
    [
        // bool: strictly true, false, and on (a checked checkbox), any case.
        Ok("flag", "TRUE", "true", true),
        Ok("flag", "True", "true", true),
        Ok("flag", "on", "true", true),
        Ok("flag", "ON", "true", true),
        Bad("flag", "yes", "\"yes\""),
        Bad("flag", "1", "1"),
        Bad("flag", "0", "0"),
        Bad("flag", "off", "\"off\""),
        Bad("flag", " true", "\" true\""),

        // bool?: false is bound (the default is true), empty is null.
        Ok("maybeFlag", "false", "false", false),
        Ok("maybeFlag", "FALSE", "false", false),
        Ok("maybeFlag", "", "null", null),
        Bad("maybeFlag", "yes", "\"yes\""),
        Bad("maybeFlag", "1", "1"),

        // int: invariant, no thousands separators, no spaces, no fractions, no overflow.
        Ok("count", "7", "7", 7),
        Ok("count", "-12", "-12", -12),
        Bad("count", "1,000", "\"1,000\""),
        Bad("count", " 7", "\" 7\""),
        Bad("count", "7 ", "\"7 \""),
        Bad("count", "1.5", "1.5"),
        Bad("count", "99999999999", "99999999999"),
        Bad("count", "seven", "\"seven\""),

        // long?: empty is null.
        Ok("total", "12345678901", "12345678901", 12345678901L),
        Ok("total", "", "null", null),
        Bad("total", "1,000", "\"1,000\""),

        // decimal: invariant decimal point, no thousands separators.
        Ok("price", "19.95", "19.95", 19.95m),
        Ok("price", "-0.5", "-0.5", -0.5m),
        Bad("price", "1,5", "\"1,5\""),
        Bad("price", "1,000.50", "\"1,000.50\""),

        // Guid: the "D" format only.
        Ok("id", "6f9619ff-8b86-d011-b42d-00cf4fc964ff", "\"6f9619ff-8b86-d011-b42d-00cf4fc964ff\"", SomeGuid),
        Bad("id", "6f9619ff8b86d011b42d00cf4fc964ff", "\"6f9619ff8b86d011b42d00cf4fc964ff\""),
        Bad("id", "{6f9619ff-8b86-d011-b42d-00cf4fc964ff}", "\"{6f9619ff-8b86-d011-b42d-00cf4fc964ff}\""),
        Bad("id", "xyz", "\"xyz\""),

        // DateOnly: yyyy-MM-dd.
        Ok("day", "2026-11-24", "\"2026-11-24\"", new DateOnly(2026, 11, 24)),
        Bad("day", "24.11.2026", "\"24.11.2026\""),
        Bad("day", "11/24/2026", "\"11/24/2026\""),
        Bad("day", "2026-02-30", "\"2026-02-30\""),

        // DateTimeOffset: ISO 8601 as System.Text.Json reads it, offset kept.
        Ok("at", "2026-11-24T10:00:00+01:00", "\"2026-11-24T10:00:00+01:00\"", new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1))),
        Ok("at", "2026-11-24T09:00:00Z", "\"2026-11-24T09:00:00Z\"", new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero)),
        Bad("at", "24/11/2026 10:00", "\"24/11/2026 10:00\""),
        Bad("at", "tomorrow", "\"tomorrow\""),

        // enum: by name (as the app's JSON names it), by defined number; an undefined number and a comma list are refused.
        Ok("status", "Draft", "\"Draft\"", ProbeStatus.Draft),
        Ok("status", "Published", "\"Published\"", ProbeStatus.Published),
        Ok("status", "1", "1", ProbeStatus.Published),
        Bad("status", "7", "7"),
        Bad("status", "-1", "-1"),
        Bad("status", "Draft,Published", "\"Draft,Published\""),
        Bad("status", "Huge", "\"Huge\""),

        // nullable enum: empty is null.
        Ok("maybeStatus", "", "null", null),
        Ok("maybeStatus", "Published", "\"Published\"", ProbeStatus.Published),
        Bad("maybeStatus", "7", "7"),
        Bad("maybeStatus", "Draft,Published", "\"Draft,Published\""),

        // [Flags] enum: a comma list of names, or a number.
        Ok("marks", "Draft,Published", "\"Draft,Published\"", ProbeMarks.Draft | ProbeMarks.Published),
        Ok("marks", "Published", "\"Published\"", ProbeMarks.Published),
        Ok("marks", "3", "3", ProbeMarks.Draft | ProbeMarks.Published),
        Bad("marks", "Draft,Huge", "\"Draft,Huge\""),

        // string: as sent, spaces and all.
        Ok("name", "hello world", "\"hello world\"", "hello world"),
        Ok("name", "  7  ", "\"  7  \"", "  7  "),
        Ok("name", "", "\"\"", string.Empty),
    ];

    private static readonly Dictionary<string, Case> ByName = All.ToDictionary(NameOf, StringComparer.Ordinal);

    public static TheoryData<string> Cases => [.. All.Select(NameOf)];

    [Fact]
    public void Every_case_has_its_own_name_and_every_member_is_covered()
    {
        ByName.Should().HaveCount(All.Length);
        All.Select(c => c.Member).Distinct().Should().BeEquivalentTo(ParsingHost.ProbeMembers);
        All.Where(c => c.Valid).Select(c => c.Member).Distinct().Should().BeEquivalentTo(ParsingHost.ProbeMembers);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_same_text_binds_the_same_from_every_source(string name)
    {
        var c = ByName[name];
        var results = await SendEverywhereAsync(c);
        var report = string.Join(Environment.NewLine, results);

        if (c.Valid)
        {
            foreach (var result in results)
            {
                result.Status.Should().Be(HttpStatusCode.OK, report);
                result.Problem.Should().BeNull(report);
                var received = result.Received.Should().BeOfType<ParseProbe>($"the handler ran for {result.Source}").Subject;

                // An empty form field is null for a member that takes null (string? too), as MVC's
                // ConvertEmptyStringToNull has it; a route, a query and JSON keep the empty string.
                var expected = result.Source == "action form" && c.Text.Length == 0 ? null : c.Expected;
                ShouldHold(received, c.Member, expected, result.Source);
            }
        }
        else
        {
            foreach (var result in results)
            {
                result.Status.Should().Be(HttpStatusCode.BadRequest, report);
                result.Problem.Should().NotBeNull(report);
                result.Problem!.Code.Should().Be(ProblemCodes.ValidationFailed, report);
                result.Problem.Errors.Should().NotBeNull(report);
                result.Problem.Errors!.Keys.Should().Equal([c.Member], report);
                result.Received.Should().BeNull($"the handler must not run for {result.Source}");
            }

            // The message too is the one rule's, whichever source: it names the field and what a valid value looks like.
            var messages = results.Select(r => r.Problem!.Errors![c.Member].Should().ContainSingle().Subject).Distinct().ToList();
            messages.Should().ContainSingle(report).Which.Should().Contain($"'{c.Member}'");
        }
    }

    private async Task<List<Sent>> SendEverywhereAsync(Case c)
    {
        var results = new List<Sent>();
        if (c.Text.Length > 0)
        {
            results.Add(await host.RouteAsync(c.Member, c.Text)); // A route value cannot be empty.
        }

        results.Add(await host.QueryAsync("probe", c.Member, c.Text));
        results.Add(await host.ActionFormAsync("ParseProbe", (c.Member, c.Text)));
        var body = $"{{\"{c.Member}\":{c.Json}}}";
        results.AddRange(await host.JsonOnEveryDoorAsync(ParsingHost.Probe, body));
        return results;
    }

    /// <summary>The member holds exactly the expected value and every other member kept its default.</summary>
    private static void ShouldHold(ParseProbe received, string member, object? expected, string source)
    {
        var defaults = new ParseProbe();
        foreach (var property in typeof(ParseProbe).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var actual = property.GetValue(received);
            if (string.Equals(property.Name, member, StringComparison.OrdinalIgnoreCase))
            {
                if (expected is DateTimeOffset at)
                {
                    actual.Should().BeOfType<DateTimeOffset>().Which.EqualsExact(at).Should().BeTrue($"{source} bound {actual}, expected {at}");
                }
                else
                {
                    actual.Should().Be(expected, $"{source} binds {member}");
                }
            }
            else
            {
                actual.Should().Be(property.GetValue(defaults), $"{source} must leave {property.Name} alone");
            }
        }
    }

    private static Case Ok(string member, string text, string json, object? expected) => new(member, text, json, true, expected);

    private static Case Bad(string member, string text, string json) => new(member, text, json, false, null);

    private static string NameOf(Case c) => $"{c.Member} '{c.Text}'";
}
