using Count.Clients.V1;
using Actions = Count.Clients.Actions;

namespace Callers;

/// <summary>
/// What a .NET app does with the generated stream methods, against the counting stream on Kestrel; each answers one
/// line the tests read. <see cref="Wire"/> sits under the client's HttpClient: it records each request's
/// <c>Last-Event-ID</c> and token, and can cut or silence the first answer after some items, or refuse every
/// connection after the first, as a network would.
/// </summary>
public static class StreamCaller
{
    /// <summary>The items of each door's method, in order.</summary>
    public static async Task<string> Doors(string address)
    {
        var rest = new HybridApiV1Client(Http(address, new Wire()));
        var actions = new Actions.ActionsClient(Http(address, new Wire()));
        var get = await Read(rest.CountToAsync(count: 4));
        var post = await Read(rest.CountTo2Async(new CountTo { Count = 3 }));
        var action = await Read(actions.CountAsync(new Actions.CountTo { Count = 5 }));
        return $"{get} | {post} | {action}";
    }

    /// <summary>The first answer is cut after three items: the stream resumes after the third, asking for a token again.</summary>
    public static async Task<string> Cut(string address)
    {
        var wire = new Wire { CutAfter = 3 };
        var asked = 0;
        var client = new HybridApiV1Client(Http(address, wire)).WithToken(() => "reader:" + (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 600 + asked++));
        var items = await Read(client.CountToAsync(count: 6, delayMs: 20));
        return $"{items} | {wire.Report} | tokens {asked}";
    }

    /// <summary>The first answer goes silent after two items (no heartbeat either): after the document's timeout the stream reconnects.</summary>
    public static async Task<string> Silent(string address)
    {
        var wire = new Wire { SilentAfter = 2 };
        var items = await Read(new HybridApiV1Client(Http(address, wire)).CountToAsync(count: 4));
        return $"{items} | {wire.Report}";
    }

    /// <summary>The server ends each connection after a second (<c>reconnect</c>): the stream goes on over several.</summary>
    public static async Task<string> Reconnects(string address)
    {
        var wire = new Wire();
        var items = await Read(new Actions.ActionsClient(Http(address, wire)).CountAsync(new Actions.CountTo { Count = 25, DelayMs = 100 }));
        return $"{items} | {wire.Requests.Count > 2} {wire.Requests.Skip(1).All(r => r.LastEventId != null)}";
    }

    /// <summary>The first token expires two seconds in: the server ends with <c>auth_expired</c>, and the stream goes on with a fresh token.</summary>
    public static async Task<string> Expiring(string address)
    {
        var wire = new Wire();
        var asked = 0;
        var client = new HybridApiV1Client(Http(address, wire)).WithToken(_ => Task.FromResult<string?>("reader:" + (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + (asked++ == 0 ? 2 : 600))));
        var items = await Read(client.CountToAsync(count: 30, delayMs: 100));
        return $"{items} | tokens {asked} | {wire.Requests.Count} {wire.Requests.Skip(1).All(r => r.LastEventId != null)}";
    }

    /// <summary>The handler fails at the third item: the two before it, then the problem, typed.</summary>
    public static async Task<string> Failing(string address, bool declared)
    {
        var received = new List<int>();
        try
        {
            await foreach (var tick in new HybridApiV1Client(Http(address, new Wire())).CountToAsync(count: 5, failAt: 3, declared: declared))
            {
                received.Add(tick.N);
            }

            return "no error";
        }
        catch (HybridStreamResetException)
        {
            return "reset";
        }
        catch (HybridStreamException e) when (e is ApiException<ProblemDetails> { Result: var problem })
        {
            return $"{string.Join(" ", received)} | {e.StatusCode} {problem.Code} {problem.Detail ?? "null"} {problem.TraceId.Length > 0} {ReferenceEquals(e.Problem, problem)}";
        }
    }

    /// <summary>A handler that fails before its first item is refused with a plain status, as any call.</summary>
    public static async Task<string> Refused(string address)
    {
        try
        {
            await Read(new HybridApiV1Client(Http(address, new Wire())).CountToAsync(count: 5, failAt: 1, declared: true));
            return "no error";
        }
        catch (HybridStreamException)
        {
            return "a stream error";
        }
        catch (ApiException e)
        {
            // A declared problem is the typed ApiException<T> NSwag makes for its status.
            return $"{e.GetType().Name} {e.StatusCode}";
        }
    }

    /// <summary>A position the server never gave: a reset, not a silent restart.</summary>
    public static async Task<string> Reset(string address, string lastEventId)
    {
        try
        {
            var items = await Read(new HybridApiV1Client(Http(address, new Wire())).CountToAsync(count: 3, lastEventId: lastEventId));
            return "items " + items;
        }
        catch (HybridStreamResetException e)
        {
            return $"reset {e.Result.Code} {e.StatusCode}";
        }
    }

    /// <summary>Resumes after <paramref name="lastEventId"/>: the items after it, none and no error when it was the end.</summary>
    public static async Task<string> Resume(string address, string lastEventId)
    {
        var wire = new Wire();
        var items = await Read(new Actions.ActionsClient(Http(address, wire)).CountAsync(new Actions.CountTo { Count = 4 }, lastEventId));
        return $"[{items}] {string.Join(" ", wire.Requests.Select(r => (int)r.Status))}";
    }

    /// <summary>Cancels the token while the stream waits for its third item.</summary>
    public static async Task<string> Cancel(string address)
    {
        using var cancel = new CancellationTokenSource();
        var received = 0;
        try
        {
            await foreach (var tick in new HybridApiV1Client(Http(address, new Wire())).CountToAsync(count: 1000, delayMs: 300, cancellationToken: cancel.Token))
            {
                if (++received == 2)
                {
                    cancel.CancelAfter(100);
                }
            }

            return "ended";
        }
        catch (OperationCanceledException)
        {
            return "cancelled after " + received;
        }
    }

    /// <summary>Leaves the loop after two items.</summary>
    public static async Task<string> Leave(string address)
    {
        var received = 0;
        await foreach (var tick in new Actions.ActionsClient(Http(address, new Wire())).CountAsync(new Actions.CountTo { Count = 1000, DelayMs = 20 }))
        {
            if (++received == 2)
            {
                break;
            }
        }

        return "left after " + received;
    }

    /// <summary>Every connection after the first is refused by the network: after the attempts allowed, the stream throws.</summary>
    public static async Task<string> GivesUp(string address)
    {
        var wire = new Wire { CutAfter = 1, RefuseAfterFirst = true };
        var client = new HybridApiV1Client(Http(address, wire)) { StreamReconnectAttempts = 2 };
        var received = new List<int>();
        try
        {
            await foreach (var tick in client.CountToAsync(count: 5))
            {
                received.Add(tick.N);
            }

            return "ended";
        }
        catch (HttpRequestException e)
        {
            return $"{string.Join(" ", received)} | {e.InnerException?.Message} | {wire.Requests.Count}";
        }
    }

    private static async Task<string> Read<T>(IAsyncEnumerable<T> stream) where T : notnull
    {
        var items = new List<string>();
        await foreach (var item in stream)
        {
            items.Add(item switch { Tick t => t.N.ToString(), Actions.Tick t => t.N.ToString(), _ => item.ToString()! });
        }

        return string.Join(" ", items);
    }

    private static HttpClient Http(string address, Wire wire)
    {
        wire.InnerHandler = new SocketsHttpHandler();
        return new HttpClient(wire) { BaseAddress = new Uri(address) };
    }
}
