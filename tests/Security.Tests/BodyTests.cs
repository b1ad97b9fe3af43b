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
        ["declared oversize"] = (() => SecurityHost.Json("{\"title\":\"x\",\"tags\":[\"" + new string('a', OverLimit) + "\"]}"), HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge),
        ["chunked oversize"] = (() => new ChunkedJsonContent("{\"title\":\"x\",\"tags\":[\"" + new string('a', OverLimit) + "\"]}", 16 * 1024), HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge),
        ["chunked oversize array"] = (() => new ChunkedJsonContent("""{"title":"x","tags":[""" + string.Join(",", Enumerable.Repeat("\"a\"", OverLimit / 4)) + "]}"), HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge),
        ["depth 33"] = (() => SecurityHost.Json("""{"title":"x","tags":""" + new string('[', 33) + new string(']', 33) + "}"), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["depth 100,000"] = (() => SecurityHost.Json("""{"title":"x","sections":""" + new string('[', 100_000) + new string(']', 100_000) + "}"), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["deep unknown objects"] = (() => SecurityHost.Json("""{"title":"x","a":""" + string.Concat(Enumerable.Repeat("{\"a\":", 64)) + "1" + new string('}', 64) + "}"), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["huge array"] = (() => SecurityHost.Json("""{"title":"x","tags":[""" + string.Join(",", Enumerable.Repeat("\"a\"", 200_000)) + "]}"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["huge array of objects"] = (() => SecurityHost.Json("""{"title":"x","sections":[""" + string.Join(",", Enumerable.Repeat("{}", 200_000)) + "]}"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["1e400 for an int"] = (() => SecurityHost.Json("""{"title":"x","priority":1e400}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["a 10,000-digit number"] = (() => SecurityHost.Json("""{"title":"x","priority":""" + new string('9', 10_000) + "}"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["NaN"] = (() => SecurityHost.Json("""{"title":"x","weight":NaN}"""), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["long string"] = (() => SecurityHost.Json("{\"title\":\"" + new string('x', 500_000) + "\"}"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["duplicate property"] = (() => SecurityHost.Json("""{"title":"first","title":"second"}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["duplicate property in another case"] = (() => SecurityHost.Json("""{"title":"first","TITLE":"second"}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["duplicate nested property"] = (() => SecurityHost.Json("""{"title":"x","sections":[{"heading":"a","heading":"b"}]}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["unknown member"] = (() => SecurityHost.Json("""{"title":"x","isAdmin":true}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["$type"] = (() => SecurityHost.Json("""{"$type":"System.Diagnostics.Process, System","title":"x"}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["$id and $ref"] = (() => SecurityHost.Json("""{"$id":"1","title":"x","sections":[{"$ref":"1"}]}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["$values"] = (() => SecurityHost.Json("""{"title":"x","tags":{"$id":"2","$values":["a"]}}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["__proto__"] = (() => SecurityHost.Json("""{"title":"x","__proto__":{"isAdmin":true}}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["invalid UTF-8"] = (() => SecurityHost.Bytes([.. "{\"title\":\""u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\"}"u8], "application/json"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["overlong UTF-8 slash"] = (() => SecurityHost.Bytes([.. "{\"title\":\"a"u8, 0xC0, 0xAF, .. "\"}"u8], "application/json"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["truncated"] = (() => SecurityHost.Json("""{"title":"""), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["trailing garbage"] = (() => SecurityHost.Json("""{"title":"x"} {"title":"y"}"""), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["an array"] = (() => SecurityHost.Json("""[{"title":"x"}]"""), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["null"] = (() => SecurityHost.Json("null"), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["a string"] = (() => SecurityHost.Json("\"title\""), HttpStatusCode.BadRequest, ProblemCodes.InvalidJson),
        ["a wrong type"] = (() => SecurityHost.Json("""{"title":{"$type":"x"}}"""), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
    };

    public static TheoryData<string, Door> Rows()
    {
        var rows = new TheoryData<string, Door>();
        foreach (var name in Cases.Keys)
        {
            rows.Add(name, Door.Actions);
            rows.Add(name, Door.Rest);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public Task A_hostile_body_is_refused_the_same_way_on_both_doors(string name, Door door)
    {
        var (content, status, code) = Cases[name];
        return host.ShouldRefuseAsync(SecurityHost.ToDoor(door, content()), status, code);
    }

    /// <summary>1e400 reads as infinity for a double; a floating-point member must be finite, so it is a field error and no handler runs.</summary>
    [Theory]
    [InlineData(Door.Actions)]
    [InlineData(Door.Rest)]
    public Task A_number_beyond_double_is_a_field_error(Door door) =>
        host.ShouldRefuseAsync(SecurityHost.ToDoor(door, SecurityHost.Json("""{"title":"x","weight":1e400}""")), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
}
