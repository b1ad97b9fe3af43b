using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Hybrid.Testing;

/// <summary>One operation as each door names it: its action id and its REST route (method and path under <c>/api/v1/</c>).</summary>
public sealed record DoorOperation(string ActionId, string RestPath, string RestMethod = "POST");

/// <summary>
/// What a page session holds for the doors that check one (the action door's antiforgery cookie and
/// request token); the header name is given so this file needs no door's assembly.
/// </summary>
public sealed record DoorSession(string Cookies, string TokenHeader, string Token);

/// <summary>What one call through a door came back with: the status, the JSON result on success, the problem on refusal.</summary>
public sealed record DoorResult(string Door, HttpStatusCode Status, JsonElement? Result, ProblemBody? Problem)
{
    /// <summary>The problem's field errors, or null.</summary>
    public Dictionary<string, string[]>? Errors => Problem?.Errors;

    public override string ToString() =>
        $"{Door}: {(int)Status} {Problem?.Code} {(Errors is null ? Result?.GetRawText() : string.Join("; ", Errors.Select(e => e.Key + "=" + string.Join("|", e.Value))))}";
}

/// <summary>
/// One door as a theory case: how to carry a JSON body to one operation through it and read back
/// what came out. A new door (MCP) is one more subclass and one more entry in <see cref="DoorCases"/>;
/// the theories over <see cref="DoorCases.All"/> then cover it unchanged. xunit serializes a case by
/// its type alone, so each case shows as its own test.
/// </summary>
// xunit creates the concrete case, which has the parameterless constructor this rule looks for.
#pragma warning disable xUnit3001
public abstract class DoorCase : IXunitSerializable
#pragma warning restore xUnit3001
{
    /// <summary>The door's name in test names and failure messages.</summary>
    public abstract string Name { get; }

    /// <summary>The request that carries <paramref name="json"/> to <paramref name="operation"/> through this door.</summary>
    public abstract HttpRequestMessage JsonRequest(DoorOperation operation, string json, DoorSession? session = null);

    /// <summary>
    /// The request with <paramref name="content"/> as its whole body, for tests of how a door reads
    /// raw bytes (framing, size, depth). Only a door whose wire body is the operation's input has one.
    /// </summary>
    public virtual HttpRequestMessage BodyRequest(DoorOperation operation, HttpContent content, DoorSession? session = null) =>
        throw new NotSupportedException($"The {Name} door does not carry a raw body.");

    /// <summary>Sends the request and reads back status, result and problem.</summary>
    public async Task<DoorResult> CallAsync(HttpClient client, DoorOperation operation, string json, DoorSession? session = null)
    {
        using var request = JsonRequest(operation, json, session);
        using var response = await client.SendAsync(request);
        return await ReadAsync(response);
    }

    /// <summary>Reads a response of this door: a problem when the body is one, else the JSON result (null when there is no body).</summary>
    public async Task<DoorResult> ReadAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            return new DoorResult(Name, response.StatusCode, null, await response.Content.ReadFromJsonAsync<ProblemBody>());
        }

        var text = await response.Content.ReadAsStringAsync();
        JsonElement? result = text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone();
        return new DoorResult(Name, response.StatusCode, result, null);
    }

    /// <summary>A UTF-8 JSON body.</summary>
    public static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    public override string ToString() => Name;

    // xunit builds a new instance per case, so a case is equal to every case of its type.
    public override bool Equals(object? obj) => obj?.GetType() == GetType();

    public override int GetHashCode() => GetType().GetHashCode();

    void IXunitSerializable.Serialize(IXunitSerializationInfo info)
    {
    }

    void IXunitSerializable.Deserialize(IXunitSerializationInfo info)
    {
    }
}

/// <summary>The action door: <c>POST /_actions/{id}</c> asking for JSON, with the session's cookie and token header when given.</summary>
public sealed class ActionDoorCase : DoorCase
{
    public override string Name => "action";

    public override HttpRequestMessage JsonRequest(DoorOperation operation, string json, DoorSession? session = null) =>
        BodyRequest(operation, JsonContent(json), session);

    public override HttpRequestMessage BodyRequest(DoorOperation operation, HttpContent content, DoorSession? session = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/_actions/" + operation.ActionId) { Content = content };
        message.Headers.Accept.ParseAdd("application/json");
        if (session is not null)
        {
            message.Headers.Add("Cookie", session.Cookies);
            message.Headers.Add(session.TokenHeader, session.Token);
        }

        return message;
    }
}

/// <summary>The REST door: the operation's route under <c>/api/v1/</c>; it reads no page session.</summary>
public sealed class RestDoorCase : DoorCase
{
    public override string Name => "REST";

    public override HttpRequestMessage JsonRequest(DoorOperation operation, string json, DoorSession? session = null) =>
        BodyRequest(operation, JsonContent(json), session);

    public override HttpRequestMessage BodyRequest(DoorOperation operation, HttpContent content, DoorSession? session = null) =>
        new(new HttpMethod(operation.RestMethod), "/api/v1/" + operation.RestPath) { Content = content };
}

/// <summary>The doors as theory data: <c>[MemberData(nameof(DoorCases.All), MemberType = typeof(DoorCases))]</c>.</summary>
public static class DoorCases
{
    public static readonly DoorCase Action = new ActionDoorCase();

    public static readonly DoorCase Rest = new RestDoorCase();

    /// <summary>Every door, for tests that compare the doors with each other in one run.</summary>
    public static IReadOnlyList<DoorCase> Every { get; } = [Action, Rest];

    /// <summary>Every door as one theory case each.</summary>
    public static TheoryData<DoorCase> All
    {
        get
        {
            var data = new TheoryData<DoorCase>();
            foreach (var door in Every)
            {
                data.Add(door);
            }

            return data;
        }
    }
}
