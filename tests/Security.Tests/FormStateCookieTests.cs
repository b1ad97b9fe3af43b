using System.Net;
using System.Text;
using Hybrid.Testing;

namespace Hybrid.Security.Tests;

/// <summary>
/// The form-state cookie (.Hybrid.Form) is the server's own, protected: a forged, tampered, replayed
/// onto another action or oversized one is no state, and it never changes what an action does. A
/// state kept on the server (too large for the cookie) is read once, and one client posting without
/// end cannot push another's out of the store.
/// </summary>
public sealed class FormStateCookieTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    public static TheoryData<string> Forged => new()
    {
        "garbage",
        "",
        Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"a":"CreateNote","c":"validation_failed","v":{"title":"<script>"},"e":{}}""")),
        "CfDJ8" + new string('A', 400),
        new string('x', 3_900),
        "%00%01%02",
    };

    [Theory]
    [MemberData(nameof(Forged))]
    public async Task A_forged_state_cookie_is_no_state_and_does_not_change_a_refusal(string value)
    {
        using (var page = new HttpRequestMessage(HttpMethod.Get, SecurityHost.StatePage))
        {
            page.Headers.TryAddWithoutValidation("Cookie", ".Hybrid.Form=" + value);
            using var read = await host.Client.SendAsync(page);
            read.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        var request = SecurityHost.Action("CreateNote", DoorCase.JsonContent("""{"title":""}"""));
        request.Headers.TryAddWithoutValidation("Cookie", ".Hybrid.Form=" + value);
        await host.ShouldRefuseAsync(request, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
    }

    [Fact]
    public async Task A_real_state_cookie_with_one_byte_changed_is_no_state()
    {
        var post = new HttpRequestMessage(HttpMethod.Post, "/_actions/CreateNote")
        {
            Content = new FormUrlEncodedContent([new("title", ""), new("__formUrl", "/notes/new")]),
        };
        post.Headers.Accept.ParseAdd("text/html");
        using var failed = await host.Client.SendAsync(post);
        failed.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var cookie = failed.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Hybrid.Form=", StringComparison.Ordinal)).Split(';')[0];
        var tampered = cookie[..^4] + (cookie[^4] == 'A' ? "B" : "A") + cookie[^3..];

        using var page = new HttpRequestMessage(HttpMethod.Get, SecurityHost.StatePage);
        page.Headers.TryAddWithoutValidation("Cookie", tampered);
        using var read = await host.Client.SendAsync(page);

        read.StatusCode.Should().Be(HttpStatusCode.NoContent);
        host.Ledger.Runs.Should().Be(0);
    }

    [Fact]
    public async Task One_user_flooding_failed_long_forms_does_not_evict_another_users_kept_state()
    {
        using var alice = await LongFailedPostAsync("alice", "alice's long note " + new string('a', 5000));
        var aliceCookie = StateCookie(alice);
        for (var i = 0; i < 100; i++)
        {
            using var flood = await LongFailedPostAsync("mallory", new string('m', 60_000));
        }

        using var page = new HttpRequestMessage(HttpMethod.Get, SecurityHost.StatePage);
        page.Headers.TryAddWithoutValidation("Cookie", aliceCookie);
        using var read = await host.Client.SendAsync(page);

        read.StatusCode.Should().Be(HttpStatusCode.OK, "mallory's states only ever overwrite mallory's own slots");
    }

    [Fact]
    public async Task A_kept_state_replayed_after_its_read_is_no_state()
    {
        using var failed = await LongFailedPostAsync("replayer", new string('r', 5000));
        var cookie = StateCookie(failed);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var page = new HttpRequestMessage(HttpMethod.Get, SecurityHost.StatePage);
            page.Headers.TryAddWithoutValidation("Cookie", cookie);
            using var read = await host.Client.SendAsync(page);
            answers.Add(read.StatusCode);
        }

        answers.Should().Equal(HttpStatusCode.OK, HttpStatusCode.NoContent);
        host.Ledger.Runs.Should().Be(0);
    }

    private async Task<HttpResponseMessage> LongFailedPostAsync(string user, string title)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, "/_actions/CreateNote")
        {
            Content = new FormUrlEncodedContent([new("title", title), new("__formUrl", "/notes/new")]),
        };
        post.Headers.Accept.ParseAdd("text/html");
        post.Headers.Add(SecurityHost.UserHeader, user);
        var response = await host.Client.SendAsync(post);
        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        return response;
    }

    private static string StateCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Hybrid.Form=", StringComparison.Ordinal)).Split(';')[0];
}
