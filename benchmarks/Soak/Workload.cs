using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Hybrid.Soak;

/// <summary>
/// The requests one client makes, picked at random by weight: paged reads through the REST door, the
/// action door and the pages; comments and posts written through both doors; Idempotency-Key
/// retries (sequential, concurrent, and after a response the client never read); and writes whose
/// body is cut off halfway.
/// </summary>
internal sealed class Workload
{
    /// <summary>The kind of the flow that drops a response and retries its key.</summary>
    public const string LostResponse = "write rest lost response";

    private const string Author = "soak";
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(30);

    private readonly SoakOptions _options;
    private readonly HttpClient _client;
    private readonly Tally _tally;
    private readonly Ledger _ledger;
    private readonly string _origin;
    private readonly string _editorCookie;
    private readonly List<int> _postIds = [1, 2];
    private readonly (string Kind, int Weight, Func<Task> Run)[] _reads;
    private readonly (string Kind, int Weight, Func<Task> Run)[] _writes;

    public Workload(SoakOptions options, HttpClient client, Tally tally, Ledger ledger, string editorCookie)
    {
        _options = options;
        _client = client;
        _tally = tally;
        _ledger = ledger;
        _editorCookie = editorCookie;
        _origin = options.BaseAddress.GetLeftPart(UriPartial.Authority);
        _reads =
        [
            ("read rest list", 30, ReadRestListAsync),
            ("read rest post", 15, ReadRestPostAsync),
            ("read action list", 15, ReadActionListAsync),
            ("read page index", 15, () => ReadAsync("read page index", "/")),
            ("read page post", 25, () => ReadAsync("read page post", "/posts/" + AnyPost())),
        ];
        _writes =
        [
            ("write action comment", 25, ActionCommentAsync),
            ("write form comment", 10, FormCommentAsync),
            ("write rest comment", 25, RestCommentAsync),
            ("write rest retry", 8, RestRetryAsync),
            (LostResponse, 5, RestLostResponseAsync),
            ("write rest concurrent retry", 4, RestConcurrentRetryAsync),
            ("write rest post", 9, RestPostAsync),
            ("write action post", 9, ActionPostAsync),
        ];
    }

    /// <summary>One request (or one retry flow) of the mix: 60 % reads unless writes only; 5 % of writes abort mid-body.</summary>
    public Task NextAsync()
    {
        if (!_options.WritesOnly && Random.Shared.Next(100) < 60)
        {
            return Pick(_reads)();
        }

        return Random.Shared.Next(100) < 5 ? AbortedWriteAsync() : Pick(_writes)();
    }

    private static Func<Task> Pick((string Kind, int Weight, Func<Task> Run)[] choices)
    {
        var roll = Random.Shared.Next(choices.Sum(c => c.Weight));
        foreach (var (_, weight, run) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return run;
            }
        }

        return choices[^1].Run;
    }

    private int AnyPost()
    {
        lock (_postIds)
        {
            return _postIds[Random.Shared.Next(_postIds.Count)];
        }
    }

    private int PageCount()
    {
        lock (_postIds)
        {
            // The Blog pages up to 10,000 (a larger page is a 400 by design).
            return Math.Min((_postIds.Count / 10) + 1, 10_000);
        }
    }

    private Task ReadRestListAsync() =>
        ReadAsync("read rest list", $"/api/v1/posts?page={Random.Shared.Next(1, PageCount() + 1)}&pageSize=10");

    private Task ReadRestPostAsync() => ReadAsync("read rest post", "/api/v1/posts/" + AnyPost());

    private async Task ReadActionListAsync()
    {
        using var request = ActionRequest("/_actions/ListPosts", new { page = Random.Shared.Next(1, PageCount() + 1), pageSize = 10 });
        await ExpectAsync("read action list", request, HttpStatusCode.OK);
    }

    private async Task ReadAsync(string kind, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        await ExpectAsync(kind, request, HttpStatusCode.OK);
    }

    private async Task ActionCommentAsync()
    {
        var marker = _ledger.NewMarker("write action comment", WriteFate.Unconfirmed);
        using var request = ActionRequest("/_actions/CreateComment", new { postId = AnyPost(), author = Author, body = CommentBody(marker) });
        if (await ExpectAsync("write action comment", request, HttpStatusCode.OK) is not null)
        {
            _ledger.Set(marker, WriteFate.Accepted);
        }
    }

    private async Task FormCommentAsync()
    {
        // A plain HTML form (no script): the browser sends Origin; the answer is a 303 back to the page.
        var marker = _ledger.NewMarker("write form comment", WriteFate.Unconfirmed);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/CreateComment")
        {
            Content = new FormUrlEncodedContent([new("postId", AnyPost().ToString(CultureInfo.InvariantCulture)), new("author", Author), new("body", CommentBody(marker))]),
        };
        request.Headers.Add("Origin", _origin);
        request.Headers.Referrer = new Uri(_options.BaseAddress, "/posts/1");
        if (await ExpectAsync("write form comment", request, HttpStatusCode.SeeOther, HttpStatusCode.OK) is not null)
        {
            _ledger.Set(marker, WriteFate.Accepted);
        }
    }

    private async Task RestCommentAsync()
    {
        var marker = _ledger.NewMarker("write rest comment", WriteFate.Unconfirmed);
        var (path, json) = RestComment(marker);
        using var request = RestRequest(path, json, Guid.NewGuid().ToString());
        if (await ExpectAsync("write rest comment", request, HttpStatusCode.Created) is not null)
        {
            _ledger.Set(marker, WriteFate.Accepted);
        }
    }

    /// <summary>The same key sent twice, one after the other: the second is the first's replay.</summary>
    private async Task RestRetryAsync()
    {
        var marker = _ledger.NewMarker("write rest retry", WriteFate.Unconfirmed);
        var (path, json) = RestComment(marker);
        var key = Guid.NewGuid().ToString();
        using var first = RestRequest(path, json, key);
        if (await ExpectAsync("write rest retry", first, HttpStatusCode.Created) is not { } created)
        {
            return;
        }

        _ledger.Set(marker, WriteFate.Accepted);
        using var again = RestRequest(path, json, key);
        if (await ExpectAsync("write rest retry", again, HttpStatusCode.Created) is { } replay && (!replay.Replayed || replay.Location != created.Location))
        {
            _tally.Problem($"write rest retry: the retry of {marker} was not the replay (Idempotent-Replayed {replay.Replayed}, Location {replay.Location} vs {created.Location})");
        }
    }

    /// <summary>Sent whole, the connection closed before the answer is read; then the same key again until it is answered.</summary>
    private async Task RestLostResponseAsync()
    {
        var marker = _ledger.NewMarker(LostResponse, WriteFate.Unconfirmed);
        var (path, json) = RestComment(marker);
        var key = Guid.NewGuid().ToString();
        var body = Encoding.UTF8.GetBytes(json);
        await RawHttp.SendAndCloseAsync(_options.BaseAddress, "POST", path, RestHeaders(key), "application/json", body, body.Length, TimeSpan.FromMilliseconds(Random.Shared.Next(0, 30)));
        _tally.RecordUnanswered(LostResponse + " (dropped)");
        if (await SendUntilAnsweredAsync(LostResponse, path, json, key) is not null)
        {
            _ledger.Set(marker, WriteFate.Accepted);
        }
    }

    /// <summary>Three sends of one key at once: one creates, the others replay it or are told it is in progress (409).</summary>
    private async Task RestConcurrentRetryAsync()
    {
        var marker = _ledger.NewMarker("write rest concurrent retry", WriteFate.Unconfirmed);
        var (path, json) = RestComment(marker);
        var key = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var request = RestRequest(path, json, key);
            return await ExpectAsync("write rest concurrent retry", request, HttpStatusCode.Created, HttpStatusCode.Conflict);
        }));
        var created = answers.Where(a => a?.Status == HttpStatusCode.Created).ToList();
        if (created.Count == 0 && answers.All(a => a is not null))
        {
            created.AddRange(await SendUntilAnsweredAsync("write rest concurrent retry", path, json, key) is { } late ? [late] : []);
        }

        if (created.Count > 0)
        {
            _ledger.Set(marker, WriteFate.Accepted);
            if (created.Select(c => c!.Location).Distinct().Count() > 1 || created.Count(c => !c!.Replayed) > 1)
            {
                _tally.Problem($"write rest concurrent retry: {marker} answered with {created.Count(c => !c!.Replayed)} fresh creations, locations {string.Join(", ", created.Select(c => c!.Location))}");
            }
        }
    }

    private async Task RestPostAsync()
    {
        var marker = _ledger.NewMarker("write rest post", WriteFate.Unconfirmed);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/posts") { Content = Json(PostBody(marker)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
        await SavedPostAsync("write rest post", request, HttpStatusCode.Created, marker);
    }

    private async Task ActionPostAsync()
    {
        var marker = _ledger.NewMarker("write action post", WriteFate.Unconfirmed);
        using var request = ActionRequest("/_actions/SavePost", PostBody(marker));
        request.Headers.Add("Cookie", _editorCookie);
        await SavedPostAsync("write action post", request, HttpStatusCode.OK, marker);
    }

    private async Task SavedPostAsync(string kind, HttpRequestMessage request, HttpStatusCode expected, string marker)
    {
        if (await ExpectAsync(kind, request, expected) is not { } answer)
        {
            return;
        }

        _ledger.Set(marker, WriteFate.Accepted);
        using var saved = JsonDocument.Parse(answer.Body);
        lock (_postIds)
        {
            _postIds.Add(saved.RootElement.GetProperty("id").GetInt32());
        }
    }

    /// <summary>Headers and half the body (Content-Length says all of it), then the connection closes: nothing may be stored.</summary>
    private async Task AbortedWriteAsync()
    {
        var marker = _ledger.NewMarker("write aborted mid-body", WriteFate.Aborted);
        string path;
        string json;
        IEnumerable<(string, string)> headers;
        switch (Random.Shared.Next(3))
        {
            case 0:
                (path, json) = RestComment(marker);
                headers = RestHeaders(Guid.NewGuid().ToString());
                break;
            case 1:
                (path, json) = ("/_actions/CreateComment", JsonSerializer.Serialize(new { postId = AnyPost(), author = Author, body = CommentBody(marker) }));
                headers = [("Origin", _origin), ("Sec-Fetch-Site", "same-origin")];
                break;
            default:
                (path, json) = ("/api/v1/posts", JsonSerializer.Serialize(PostBody(marker)));
                headers = [("Authorization", "Bearer " + _options.Token)];
                break;
        }

        var body = Encoding.UTF8.GetBytes(json);
        await RawHttp.SendAndCloseAsync(_options.BaseAddress, "POST", path, headers, "application/json", body, body.Length / 2, TimeSpan.FromMilliseconds(Random.Shared.Next(0, 20)));
        _tally.RecordUnanswered("write aborted mid-body");
    }

    /// <summary>The same key until a 201: a 409 means the first is still running.</summary>
    private async Task<Answer?> SendUntilAnsweredAsync(string kind, string path, string json, string key)
    {
        var until = Stopwatch.GetTimestamp() + (long)(RetryFor.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            using var request = RestRequest(path, json, key);
            var answer = await ExpectAsync(kind, request, HttpStatusCode.Created, HttpStatusCode.Conflict);
            if (answer is null || answer.Status == HttpStatusCode.Created)
            {
                return answer;
            }

            if (Stopwatch.GetTimestamp() > until)
            {
                _tally.Problem($"{kind}: key {key} still answered 409 after {RetryFor.TotalSeconds} s of retries");
                return null;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Sends the request; records its status and latency; null (and a problem) unless the status is one of <paramref name="expected"/>.</summary>
    private async Task<Answer?> ExpectAsync(string kind, HttpRequestMessage request, params HttpStatusCode[] expected)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            _tally.Record(kind, response.StatusCode, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (!expected.Contains(response.StatusCode))
            {
                _tally.Problem($"{kind}: {request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
                return null;
            }

            return new Answer(response.StatusCode, response.Headers.Location?.ToString(), response.Headers.Contains("Idempotent-Replayed"), body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            _tally.Problem($"{kind}: {request.Method} {request.RequestUri} failed: {e.GetType().Name}: {e.Message}");
            return null;
        }
    }

    private HttpRequestMessage ActionRequest(string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        request.Headers.Add("Origin", _origin);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return request;
    }

    private HttpRequestMessage RestRequest(string path, string json, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in RestHeaders(key))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private (string Name, string Value)[] RestHeaders(string key) => [("Authorization", "Bearer " + _options.Token), ("Idempotency-Key", key)];

    private (string Path, string Json) RestComment(string marker) =>
        ($"/api/v1/posts/{AnyPost()}/comments", JsonSerializer.Serialize(new { author = Author, body = CommentBody(marker) }));

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>The marker, then 50 to 600 characters of text, so that half a body is a real part of one.</summary>
    private static string CommentBody(string marker) => marker + " " + new string('x', Random.Shared.Next(50, 600));

    private static object PostBody(string marker) => new { title = marker, publishOn = "2026-01-01", status = "Published", tags = (string[])["soak"] };

    private sealed record Answer(HttpStatusCode Status, string? Location, bool Replayed, string Body);
}
