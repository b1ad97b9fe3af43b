using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// Two instances of the sample on one Redis and one database, as behind a balancer: what one issues
/// (sealed form state, antiforgery tokens, opaque action ids, Idempotency-Key records) the other
/// honours, and a Redis outage costs no write.
/// </summary>
[Collection(ScaleOutCollection.Name)]
[Trait("Category", "ScaleOut")]
public sealed partial class ScaleOutTests(ScaleOutCluster cluster)
{
    [Fact]
    public async Task A_plain_form_error_sealed_by_A_is_rendered_by_B()
    {
        var form = await CommentFormAsync(cluster.A, 1);
        using var a = cluster.A.CreateClient();
        using var post = FormPost(form, new() { ["author"] = "Balanced form", ["body"] = "   " });

        using var answer = await a.SendAsync(post);

        answer.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var formState = Cookies(answer).Single(c => c.StartsWith(".Hybrid.Form=", StringComparison.Ordinal));
        using var b = cluster.B.CreateClient();
        using var page = new HttpRequestMessage(HttpMethod.Get, answer.Headers.Location);
        page.Headers.Add("Cookie", formState);
        using var rendered = await b.SendAsync(page);
        var html = await rendered.Content.ReadAsStringAsync();
        rendered.StatusCode.Should().Be(HttpStatusCode.OK);
        BodyError().Match(html).Groups[1].Value.Trim().Should().NotBeEmpty("B opens the form state A sealed: {0}", html);
        html.Should().Contain("value=\"Balanced form\"");
    }

    [Fact]
    public async Task A_long_comment_that_failed_on_A_is_rendered_whole_by_B_from_the_state_kept_in_Redis()
    {
        var form = await CommentFormAsync(cluster.A, 1);
        var typed = string.Concat(Enumerable.Range(0, 500).Select(i => $"word{i:D5} "));
        typed.Length.Should().Be(5000, "over the comment's 2,000 characters, so the post fails with the text kept");
        using var a = cluster.A.CreateClient();
        using var post = FormPost(form, new() { ["author"] = "Long form", ["body"] = typed });

        using var answer = await a.SendAsync(post);

        answer.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var formState = Cookies(answer).Single(c => c.StartsWith(".Hybrid.Form=", StringComparison.Ordinal));
        formState.Length.Should().BeLessThan(1000, "the cookie names the state kept in Redis, not the state");
        using var b = cluster.B.CreateClient();
        using var page = new HttpRequestMessage(HttpMethod.Get, answer.Headers.Location);
        page.Headers.Add("Cookie", formState);
        using var rendered = await b.SendAsync(page);
        var html = await rendered.Content.ReadAsStringAsync();
        rendered.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = BodyTextArea().Match(html);
        body.Success.Should().BeTrue("B renders the comment form: {0}", html);
        WebUtility.HtmlDecode(body.Groups["text"].Value).Should().Be(typed);
        body.Groups["attributes"].Value.Should().Contain("aria-invalid=\"true\"").And.Contain("aria-describedby=\"hybrid-createcomment-body-error\"");
        html.Should().MatchRegex("id=\"hybrid-createcomment-body-error\"[^>]*role=\"alert\"|role=\"alert\"[^>]*id=\"hybrid-createcomment-body-error\"");
    }

    [Fact]
    public async Task A_comment_added_through_A_action_makes_B_cached_reads_fresh_and_leaves_the_other_post_cached()
    {
        using var b = cluster.B.CreateClient();
        foreach (var path in new[] { "/api/v1/posts/1", "/api/v2/posts/1", "/api/v1/posts/2" })
        {
            (await b.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
            using var warm = await b.GetAsync(new Uri(path, UriKind.Relative));
            warm.Headers.Age.Should().NotBeNull($"B serves {path} from the shared cache once warm");
        }

        var form = await CommentFormAsync(cluster.A, 1);
        var text = "Added on A, fresh on B " + Guid.NewGuid().ToString("N");
        using var a = cluster.A.CreateClient();
        using var added = await a.SendAsync(FormPost(form, new() { ["author"] = "Scaled", ["body"] = text }));
        added.StatusCode.Should().Be(HttpStatusCode.SeeOther, await added.Content.ReadAsStringAsync());

        foreach (var path in new[] { "/api/v1/posts/1", "/api/v2/posts/1" })
        {
            using var read = await b.GetAsync(new Uri(path, UriKind.Relative));
            read.Headers.Age.Should().BeNull($"A's action evicted {path} for B too");
            (await read.Content.ReadAsStringAsync()).Should().Contain(text);
        }

        using var other = await b.GetAsync(new Uri("/api/v1/posts/2", UriKind.Relative));
        other.Headers.Age.Should().NotBeNull("the other post stays cached");
    }

    [Fact]
    public async Task An_antiforgery_token_from_A_page_and_its_opaque_action_id_are_accepted_by_B()
    {
        var form = await CommentFormAsync(cluster.A, 2);
        var text = "Token from A, posted to B " + Guid.NewGuid().ToString("N");
        using var b = cluster.B.CreateClient();
        using var post = FormPost(form, new() { ["author"] = "Balanced", ["body"] = text });

        using var answer = await b.SendAsync(post);

        answer.StatusCode.Should().Be(HttpStatusCode.SeeOther, await answer.Content.ReadAsStringAsync());
        (await b.GetFromJsonAsync<PostDto>("/api/v1/posts/2"))!.Comments.Should().ContainSingle(c => c.Body == text);
    }

    [Fact]
    public async Task Signed_in_on_A_ada_deletes_a_comment_through_B()
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        var login = await browser.GetStringAsync(new Uri(cluster.A.BaseAddress, "/login"));
        using var signIn = Action(new Uri(cluster.A.BaseAddress, ActionPath(login, "SignIn")), new { userName = "ada", password = BlogAccounts.Password }, cookies, cluster.A);
        using var signedIn = await browser.SendAsync(signIn);
        signedIn.StatusCode.Should().Be(HttpStatusCode.NoContent, await signedIn.Content.ReadAsStringAsync());
        using var anonymous = cluster.A.CreateClient();
        using var created = await anonymous.PostAsJsonAsync("/api/v1/posts/1/comments", new { author = "Doomed", body = "Deleted through B " + Guid.NewGuid().ToString("N") });
        var comment = (await created.Content.ReadFromJsonAsync<CommentDto>())!;

        // B's page issues a token for the signed-in user (tokens are bound to the user), which only works if B reads A's cookie.
        var page = await browser.GetStringAsync(new Uri(cluster.B.BaseAddress, "/posts/1"));
        using var delete = Action(new Uri(cluster.B.BaseAddress, ActionPath(page, "DeleteComment")), new { postId = 1, commentId = comment.Id }, cookies, cluster.B);
        using var deleted = await browser.SendAsync(delete);

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent, await deleted.Content.ReadAsStringAsync());
        (await anonymous.GetFromJsonAsync<PostDto>("/api/v1/posts/1"))!.Comments.Should().NotContain(c => c.Id == comment.Id);
    }

    [Fact]
    public async Task A_retry_on_B_replays_the_answer_A_gave_and_adds_nothing()
    {
        var key = Guid.NewGuid().ToString();
        var text = "Retried across instances " + key;
        using var a = cluster.A.CreateClient();
        using var b = cluster.B.CreateClient();

        using var first = await a.SendAsync(IdempotentComment(key, text));
        using var retry = await b.SendAsync(IdempotentComment(key, text));

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        first.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        retry.Headers.Location.Should().Be(first.Headers.Location);
        (await retry.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        (await b.GetFromJsonAsync<PostDto>("/api/v1/posts/1"))!.Comments.Should().ContainSingle(c => c.Body == text);
    }

    [Fact]
    public async Task Concurrent_posts_with_one_key_on_both_instances_create_exactly_one_comment()
    {
        var key = Guid.NewGuid().ToString();
        var text = "Raced across instances " + key;
        using var a = cluster.A.CreateClient();
        using var b = cluster.B.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            using var response = await (i % 2 == 0 ? a : b).SendAsync(IdempotentComment(key, text));
            return (response.StatusCode, Replayed: response.Headers.Contains("Idempotent-Replayed"));
        }));

        answers.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        answers.Count(r => r.StatusCode == HttpStatusCode.Created && !r.Replayed).Should().Be(1);
        (await a.GetFromJsonAsync<PostDto>("/api/v1/posts/1"))!.Comments.Should().ContainSingle(c => c.Body == text);
    }

    [Fact]
    public async Task With_Redis_down_a_comment_is_still_created_and_read_and_kept_after_Redis_returns()
    {
        var text = "Written while Redis was down " + Guid.NewGuid().ToString("N");
        using var a = cluster.A.CreateClient();
        using var b = cluster.B.CreateClient();

        await cluster.Redis.StopAsync();
        try
        {
            using var created = await a.PostAsJsonAsync("/api/v1/posts/2/comments", new { author = "Outage", body = text });
            created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

            using var read = await b.GetAsync(new Uri("/api/v1/posts/2", UriKind.Relative));
            read.StatusCode.Should().Be(HttpStatusCode.OK);
            (await read.Content.ReadFromJsonAsync<PostDto>())!.Comments.Should().ContainSingle(c => c.Body == text);

            using var page = await b.GetAsync(new Uri("/posts/2", UriKind.Relative));
            page.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            await cluster.Redis.StartAsync();
            await ReconnectedAsync(cluster.A);
            await ReconnectedAsync(cluster.B);
        }

        (await a.GetFromJsonAsync<PostDto>("/api/v1/posts/2"))!.Comments.Should().ContainSingle(c => c.Body == text);
    }

    /// <summary>
    /// Waits until <paramref name="server"/> uses Redis again (it reconnects by itself within seconds):
    /// until then an Idempotency-Key request is a 500, since its record cannot be claimed. The probe
    /// asks for a post that does not exist, so it writes nothing.
    /// </summary>
    private static async Task ReconnectedAsync(BlogServer server)
    {
        using var client = server.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var probe = IdempotentComment(Guid.NewGuid().ToString(), "probe", postId: 999_999);
            using var response = await client.SendAsync(probe);
            if (response.StatusCode != HttpStatusCode.InternalServerError)
            {
                response.StatusCode.Should().Be(HttpStatusCode.NotFound);
                return;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "the instance reconnects to Redis once it is back");
            await Task.Delay(200);
        }
    }

    /// <summary>The comment form of a post as A's page renders it: its action, its hidden fields, and the antiforgery cookie that goes with them.</summary>
    private static async Task<CommentForm> CommentFormAsync(BlogServer server, int postId)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(new Uri($"/posts/{postId}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync();
        var form = CommentFormElement().Match(html);
        form.Success.Should().BeTrue("the page renders the comment form");
        var hidden = HiddenInput().Matches(form.Value).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        hidden.Should().ContainKey("__RequestVerificationToken");
        var antiforgery = Cookies(response).Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        return new CommentForm(WebUtility.HtmlDecode(form.Groups["action"].Value), hidden, antiforgery);
    }

    /// <summary>The opaque path a page's form for <paramref name="actionId"/> posts to.</summary>
    private static string ActionPath(string html, string actionId)
    {
        var match = Regex.Match(html, @"<form[^>]*\saction=""(?<action>[^""]+)""[^>]*data-hybrid-action=""" + Regex.Escape(actionId) + @"""");
        match.Success.Should().BeTrue("the page renders a {0} form", actionId);
        return match.Groups["action"].Value;
    }

    /// <summary>An action called as the pages' script calls it: JSON, same-origin, the XSRF-TOKEN cookie echoed in its header.</summary>
    private static HttpRequestMessage Action(Uri action, object body, CookieContainer cookies, BlogServer server)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, action) { Content = JsonContent.Create(body) };
        message.Headers.Add("Sec-Fetch-Site", "same-origin");
        message.Headers.Add("X-XSRF-TOKEN", cookies.GetCookies(server.BaseAddress)["XSRF-TOKEN"]!.Value);
        return message;
    }

    private static HttpRequestMessage FormPost(CommentForm form, Dictionary<string, string> fields)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, form.Action)
        {
            Content = new FormUrlEncodedContent(form.Hidden.Concat(fields)),
        };
        message.Headers.Add("Accept", "text/html");
        message.Headers.Add("Sec-Fetch-Site", "same-origin");
        message.Headers.Add("Cookie", form.AntiforgeryCookie);
        return message;
    }

    private static HttpRequestMessage IdempotentComment(string key, string body, int postId = 1)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/posts/{postId}/comments")
        {
            Content = new StringContent($$"""{"author":"Retrier","body":"{{body}}"}""", Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("Idempotency-Key", key);
        return message;
    }

    /// <summary>Each Set-Cookie as the name=value pair a browser sends back.</summary>
    private static List<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values.Select(v => v.Split(';')[0])] : [];

    [GeneratedRegex("""<form id="comment-form"[^>]*\saction="(?<action>[^"]+)"[\s\S]*?</form>""")]
    private static partial Regex CommentFormElement();

    [GeneratedRegex("""<input (?=[^>]*type="hidden")(?=[^>]*name="(?<name>[^"]+)")(?=[^>]*value="(?<value>[^"]*)")[^>]*>""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("""<textarea (?<attributes>[^>]*name="body"[^>]*)>(?<text>[^<]*)</textarea>""")]
    private static partial Regex BodyTextArea();

    [GeneratedRegex("""data-hybrid-error-for="body"[^>]*>([^<]*)<""")]
    private static partial Regex BodyError();

    private sealed record CommentForm(string Action, Dictionary<string, string> Hidden, string AntiforgeryCookie);
}
