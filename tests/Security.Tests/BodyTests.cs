using System.Net;
using Hybrid.Testing;

namespace Hybrid.Security.Tests;

/// <summary>
/// Hostile bodies sent to CreateNote through both doors: content types and charsets, sizes declared
/// and chunked, JSON depth, huge arrays, numbers and strings, duplicates, unknown and metadata
/// members, invalid UTF-8. Each is refused with the same documented problem on both doors.
/// </summary>
public sealed class BodyTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    private const int OverLimit = (1024 * 1024) + 1024;

    private static readonly Dictionary<string, (Func<HttpContent> Content, HttpStatusCode Status, string Code)> Cases = new()
    {
        ["text/plain"] = (() => SecurityHost.Bytes("""{"title":"x"}"""u8.ToArray(), "text/plain"), HttpStatusCode.UnsupportedMediaType, ProblemCodes.UnsupportedMediaType),
        ["application/xml"] = (() => SecurityHost.Bytes("<CreateNote><Title>x</Title></CreateNote>"u8.ToArray(), "application/xml"), HttpStatusCode.UnsupportedMediaType, ProblemCodes.UnsupportedMediaType),
        ["text/xml with a DTD"] = (() => SecurityHost.Bytes("""<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>"""u8.ToArray(), "text/xml"), HttpStatusCode.UnsupportedMediaType, ProblemCodes.UnsupportedMediaType),
        ["application/x-java-serialized-object"] = (() => SecurityHost.Bytes([0xAC, 0xED, 0x00, 0x05], "application/x-java-serialized-object"), HttpStatusCode.UnsupportedMediaType, ProblemCodes.UnsupportedMediaType),
        ["application/json; charset=utf-7"] = (() => SecurityHost.Bytes("{+ACI-title+ACI-:+ACI-x+ACI-}"u8.ToArray(), "application/json; charset=utf-7"), HttpStatusCode.BadRequest, ProblemCodes.BadRequest),
        ["application/json; charset=x-unknown"] = (() => SecurityHost.Bytes("""{"title":"x"}"""u8.ToArray(), "application/json; charset=x-unknown"), HttpStatusCode.BadRequest, ProblemCodes.BadRequest),
        ["no Content-Type with a body"] = (() => SecurityHost.Bytes("""{"title":"x"}"""u8.ToArray(), null), HttpStatusCode.UnsupportedMediaType, ProblemCodes.UnsupportedMediaType),
        ["declared oversize"] = (() => DoorCase.JsonContent("{\"title\":\"x\",\"tags\":[\"" + new string('a', OverLimit) + "\"]}"), HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge),
        ["chunked oversize"] = (() => new ChunkedJsonContent("{\"title\":\"x\",\"tags\":[\"" + new string('a', OverLimit) + "\"]}", 16 * 1024), HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge),
        ["chunked oversize array"] = (() => new ChunkedJsonContent("""{"title":"x","tags":[""" + string.Join(",", Enumerable.Repeat("\"a\"", OverLimit / 4)) + "]}"), HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge),
        ["depth 33"] = (() => DoorCase.JsonContent("""{"title":"x","tags":""" + new string('[', 33) + new string(']', 33) + "}"), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["depth 100,000"] = (() => DoorCase.JsonContent("""{"title":"x","sections":""" + new string('[', 100_000) + new string(']', 100_000) + "}"), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["deep unknown objects"] = (() => DoorCase.JsonContent("""{"title":"x","a":""" + string.Concat(Enumerable.Repeat("{\"a\":", 64)) + "1" + new string('}', 64) + "}"), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["huge array"] = (() => DoorCase.JsonContent("""{"title":"x","tags":[""" + string.Join(",", Enumerable.Repeat("\"a\"", 200_000)) + "]}"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["huge array of objects"] = (() => DoorCase.JsonContent("""{"title":"x","sections":[""" + string.Join(",", Enumerable.Repeat("{}", 200_000)) + "]}"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["1e400 for an int"] = (() => DoorCase.JsonContent("""{"title":"x","priority":1e400}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["a 10,000-digit number"] = (() => DoorCase.JsonContent("""{"title":"x","priority":""" + new string('9', 10_000) + "}"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["NaN"] = (() => DoorCase.JsonContent("""{"title":"x","weight":NaN}"""), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["long string"] = (() => DoorCase.JsonContent("{\"title\":\"" + new string('x', 500_000) + "\"}"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["duplicate property"] = (() => DoorCase.JsonContent("""{"title":"first","title":"second"}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["duplicate property in another case"] = (() => DoorCase.JsonContent("""{"title":"first","TITLE":"second"}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["duplicate nested property"] = (() => DoorCase.JsonContent("""{"title":"x","sections":[{"heading":"a","heading":"b"}]}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["unknown member"] = (() => DoorCase.JsonContent("""{"title":"x","isAdmin":true}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["$type"] = (() => DoorCase.JsonContent("""{"$type":"System.Diagnostics.Process, System","title":"x"}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["$id and $ref"] = (() => DoorCase.JsonContent("""{"$id":"1","title":"x","sections":[{"$ref":"1"}]}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["$values"] = (() => DoorCase.JsonContent("""{"title":"x","tags":{"$id":"2","$values":["a"]}}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["__proto__"] = (() => DoorCase.JsonContent("""{"title":"x","__proto__":{"isAdmin":true}}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["invalid UTF-8"] = (() => SecurityHost.Bytes([.. "{\"title\":\""u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\"}"u8], "application/json"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["overlong UTF-8 slash"] = (() => SecurityHost.Bytes([.. "{\"title\":\"a"u8, 0xC0, 0xAF, .. "\"}"u8], "application/json"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["truncated"] = (() => DoorCase.JsonContent("""{"title":"""), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["trailing garbage"] = (() => DoorCase.JsonContent("""{"title":"x"} {"title":"y"}"""), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["an array"] = (() => DoorCase.JsonContent("""[{"title":"x"}]"""), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["null"] = (() => DoorCase.JsonContent("null"), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["a string"] = (() => DoorCase.JsonContent("\"title\""), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["a wrong type"] = (() => DoorCase.JsonContent("""{"title":{"$type":"x"}}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
    };

    public static TheoryData<string, DoorCase> Rows()
    {
        var rows = new TheoryData<string, DoorCase>();
        foreach (var name in Cases.Keys)
        {
            foreach (var door in DoorCases.Every)
            {
                rows.Add(name, door);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public Task A_hostile_body_is_refused_the_same_way_on_both_doors(string name, DoorCase door)
    {
        var (content, status, code) = Cases[name];
        return host.ShouldRefuseAsync(SecurityHost.ToDoor(door, content()), status, code);
    }

    /// <summary>1e400 reads as infinity for a double; a floating-point member must be finite, so it is a field error and no handler runs.</summary>
    [Theory]
    [MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]
    public Task A_number_beyond_double_is_a_field_error(DoorCase door) =>
        host.ShouldRefuseAsync(SecurityHost.ToDoor(door, DoorCase.JsonContent("""{"title":"x","weight":1e400}""")), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
}
