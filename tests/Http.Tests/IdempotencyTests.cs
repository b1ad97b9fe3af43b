using System.Net;
using System.Text;
using Hybrid.Testing;

namespace Hybrid.Http.Tests;

/// <summary>Idempotent retries over real HTTP: stored, replayed, refused, scoped, expired, and 5xx not stored.</summary>
public sealed class IdempotencyTests
{
    private const string Order = """{"item":"lamp","quantity":2}""";

    [Fact]
    public async Task First_response_is_stored_and_a_retry_replays_status_Location_and_body_without_running_the_handler()
    {
        await using var host = await RestHost.StartGuardedAsync();

        using var first = await host.Client.SendAsync(Post("/api/v1/orders", Order, "key-1"));
        using var retry = await host.Client.SendAsync(Post("/api/v1/orders", Order, "key-1"));

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        first.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        retry.Headers.Location.Should().Be(first.Headers.Location).And.NotBeNull();
        retry.Content.Headers.ContentType!.ToString().Should().Be(first.Content.Headers.ContentType!.ToString());
        (await retry.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync()).And.Contain("\"item\":\"lamp\"");
        host.Calls().RunsOf(nameof(PlaceOrder)).Should().Be(1);
        host.Calls().Stored.Should().ContainSingle();
    }

    [Fact]
    public async Task A_body_of_the_wrong_media_type_is_refused_before_its_key_is_claimed_so_the_corrected_retry_runs()
    {
        await using var host = await RestHost.StartGuardedAsync();
        using var wrong = Post("/api/v1/orders", Order, "key-media");
        wrong.Content = new StringContent(Order, Encoding.UTF8, "text/plain");

        using var refused = await host.Client.SendAsync(wrong);
        using var corrected = await host.Client.SendAsync(Post("/api/v1/orders", Order, "key-media"));

        refused.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        corrected.StatusCode.Should().Be(HttpStatusCode.Created, "the 415 was never stored as the key's answer");
        corrected.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        host.Calls().RunsOf(nameof(PlaceOrder)).Should().Be(1);
    }

    [Fact]
    public async Task A_quoted_key_is_the_same_key()
    {
        await using var host = await RestHost.StartGuardedAsync();

        using var first = await host.Client.SendAsync(Post("/api/v1/orders", Order, "abc"));
        using var retry = await host.Client.SendAsync(Post("/api/v1/orders", Order, "\"abc\""));

        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        host.Calls().RunsOf(nameof(PlaceOrder)).Should().Be(1);
    }

    [Fact]
    public async Task Same_key_with_another_payload_is_422_and_the_handler_does_not_run()
    {
        await using var host = await RestHost.StartGuardedAsync();
        using var first = await host.Client.SendAsync(Post("/api/v1/orders", Order, "key-2"));

        using var other = await host.Client.SendAsync(Post("/api/v1/orders", """{"item":"lamp","quantity":3}""", "key-2"));
        using var otherQuery = await host.Client.SendAsync(Post("/api/v1/orders?express=1", Order, "key-2"));

        other.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await other.ReadProblemAsync()).Code.Should().Be(ProblemCodes.IdempotencyKeyReused);
        otherQuery.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        host.Calls().RunsOf(nameof(PlaceOrder)).Should().Be(1);
        host.Calls().Stored.Should().ContainSingle();
    }

    [Fact]
    public async Task A_retry_while_the_first_is_in_flight_is_409_and_the_handler_runs_once()
    {
        await using var host = await RestHost.StartGuardedAsync();
        const string blocking = """{"item":"lamp","quantity":2,"block":true}""";
        var first = host.Client.SendAsync(Post("/api/v1/orders", blocking, "key-3"));
        (await host.Calls().Entered.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue();

        using var during = await host.Client.SendAsync(Post("/api/v1/orders", blocking, "key-3"));

        during.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await during.ReadProblemAsync()).Code.Should().Be(ProblemCodes.IdempotencyKeyInUse);
        host.Calls().Stored.Should().BeEmpty();
        host.Calls().Proceed.Release();
        using var done = await first;
        done.StatusCode.Should().Be(HttpStatusCode.Created);
        using var after = await host.Client.SendAsync(Post("/api/v1/orders", blocking, "key-3"));
        after.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        host.Calls().RunsOf(nameof(PlaceOrder)).Should().Be(1);
        host.Calls().Stored.Should().ContainSingle();
    }

    [Fact]
    public async Task Required_key_missing_is_400_and_nothing_runs()
    {
        await using var host = await RestHost.StartGuardedAsync();

        using var response = await host.Client.SendAsync(Post("/api/v1/strict-orders", """{"item":"lamp"}""", key: null));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.Should().Be(ProblemCodes.IdempotencyKeyMissing);
        host.Calls().Runs.Should().BeEmpty();
        host.Calls().Stored.Should().BeEmpty();
    }

    [Fact]
    public async Task An_empty_key_is_no_key_as_generated_clients_send_it_for_an_omitted_header()
    {
        await using var host = await RestHost.StartGuardedAsync();
        using var optional = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = DoorCase.JsonContent(Order) };
        optional.Headers.TryAddWithoutValidation("Idempotency-Key", "").Should().BeTrue();
        using var required = new HttpRequestMessage(HttpMethod.Post, "/api/v1/strict-orders") { Content = DoorCase.JsonContent("""{"item":"lamp"}""") };
        required.Headers.TryAddWithoutValidation("Idempotency-Key", " ").Should().BeTrue();

        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = DoorCase.JsonContent(Order) };
        again.Headers.TryAddWithoutValidation("Idempotency-Key", "").Should().BeTrue();

        using var ran = await host.Client.SendAsync(optional);
        using var ranAgain = await host.Client.SendAsync(again);
        using var refused = await host.Client.SendAsync(required);

        ran.IsSuccessStatusCode.Should().BeTrue();
        ranAgain.IsSuccessStatusCode.Should().BeTrue();
        ranAgain.Headers.Contains("Idempotent-Replayed").Should().BeFalse("without a key nothing is replayed");
        host.Calls().Runs.Should().HaveCount(2);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.ReadProblemAsync()).Code.Should().Be(ProblemCodes.IdempotencyKeyMissing);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("tab\tinside")]
    public async Task Malformed_key_is_400_and_nothing_runs(string key)
    {
        await using var host = await RestHost.StartGuardedAsync();
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = DoorCase.JsonContent(Order) };
        message.Headers.TryAddWithoutValidation("Idempotency-Key", key).Should().BeTrue();

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.Should().Be(ProblemCodes.IdempotencyKeyMissing);
        host.Calls().Runs.Should().BeEmpty();
        host.Calls().Stored.Should().BeEmpty();
    }

    [Fact]
    public async Task Key_longer_than_255_is_400_and_255_is_accepted()
    {
        await using var host = await RestHost.StartGuardedAsync();

        using var tooLong = await host.Client.SendAsync(Post("/api/v1/orders", Order, new string('k', 256)));
        using var longest = await host.Client.SendAsync(Post("/api/v1/orders", Order, new string('k', 255)));

        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await tooLong.ReadProblemAsync()).Code.Should().Be(ProblemCodes.IdempotencyKeyMissing);
        longest.StatusCode.Should().Be(HttpStatusCode.Created);
        host.Calls().RunsOf(nameof(PlaceOrder)).Should().Be(1);
    }

    [Fact]
    public async Task Optional_key_absent_runs_every_time()
    {
        await using var host = await RestHost.StartGuardedAsync();

        using var first = await host.Client.SendAsync(Post("/api/v1/orders", Order, key: null));
        using var second = await host.Client.SendAsync(Post("/api/v1/orders", Order, key: null));

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        host.Calls().RunsOf(nameof(PlaceOrder)).Should().Be(2);
    }

    [Fact]
    public async Task Keys_are_scoped_per_operation()
    {
        await using var host = await RestHost.StartGuardedAsync();

        using var order = await host.Client.SendAsync(Post("/api/v1/orders", Order, "shared"));
        using var gift = await host.Client.SendAsync(Post("/api/v1/gifts", Order, "shared"));

        order.StatusCode.Should().Be(HttpStatusCode.Created);
        gift.StatusCode.Should().Be(HttpStatusCode.Created);
        gift.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        host.Calls().RunsOf(nameof(PlaceOrder)).Should().Be(1);
        host.Calls().RunsOf(nameof(PlaceGift)).Should().Be(1);
    }

    [Fact]
    public async Task Keys_are_scoped_per_caller()
    {
        await using var host = await RestHost.StartGuardedAsync();

        using var alice = await host.Client.SendAsync(Post("/api/v1/orders", Order, "mine", user: "alice"));
        using var bob = await host.Client.SendAsync(Post("/api/v1/orders", Order, "mine", user: "bob"));
        using var anonymous = await host.Client.SendAsync(Post("/api/v1/orders", Order, "mine"));
        using var aliceAgain = await host.Client.SendAsync(Post("/api/v1/orders", Order, "mine", user: "alice"));

        bob.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        anonymous.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        aliceAgain.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await aliceAgain.Content.ReadAsStringAsync()).Should().Be(await alice.Content.ReadAsStringAsync());
        host.Calls().RunsOf(nameof(PlaceOrder)).Should().Be(3);
    }

    [Fact]
    public async Task A_stored_response_expires_after_ExpirySeconds()
    {
        await using var host = await RestHost.StartGuardedAsync();
        using var first = await host.Client.SendAsync(Post("/api/v1/orders", Order, "key-4"));

        host.Clock().Now += TimeSpan.FromSeconds(59);
        using var within = await host.Client.SendAsync(Post("/api/v1/orders", Order, "key-4"));
        host.Clock().Now += TimeSpan.FromSeconds(2);
        using var after = await host.Client.SendAsync(Post("/api/v1/orders", Order, "key-4"));

        within.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        after.StatusCode.Should().Be(HttpStatusCode.Created);
        after.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        host.Calls().RunsOf(nameof(PlaceOrder)).Should().Be(2);
    }

    [Fact]
    public async Task A_5xx_is_not_stored_and_a_retry_runs_again()
    {
        await using var host = await RestHost.StartGuardedAsync();
        const string crashing = """{"item":"lamp","quantity":2,"crash":true}""";

        using var first = await host.Client.SendAsync(Post("/api/v1/orders", crashing, "key-5"));
        using var retry = await host.Client.SendAsync(Post("/api/v1/orders", crashing, "key-5"));

        first.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        retry.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        retry.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        (await retry.Content.ReadAsStringAsync()).Should().NotContain("order service");
        host.Calls().RunsOf(nameof(PlaceOrder)).Should().Be(2);
        host.Calls().Stored.Should().BeEmpty();
    }

    [Fact]
    public async Task A_4xx_from_the_pipeline_is_stored_and_replayed()
    {
        await using var host = await RestHost.StartGuardedAsync();
        const string unknownMember = """{"item":"lamp","quantity":2,"colour":"red"}""";

        using var first = await host.Client.SendAsync(Post("/api/v1/orders", unknownMember, "key-6"));
        using var retry = await host.Client.SendAsync(Post("/api/v1/orders", unknownMember, "key-6"));

        first.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        retry.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await retry.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        host.Calls().Runs.Should().BeEmpty();
    }

    [Fact]
    public async Task Idempotency_declared_in_code_as_endpoint_metadata_works_on_a_PATCH_route()
    {
        await using var host = await RestHost.StartGuardedAsync();

        using var missing = await host.Client.SendAsync(Send(HttpMethod.Patch, "/api/v1/notes/3", """{"text":"hi"}""", key: null));
        using var first = await host.Client.SendAsync(Send(HttpMethod.Patch, "/api/v1/notes/3", """{"text":"hi"}""", "n-1"));
        using var retry = await host.Client.SendAsync(Send(HttpMethod.Patch, "/api/v1/notes/3", """{"text":"hi"}""", "n-1"));

        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await missing.ReadProblemAsync()).Code.Should().Be(ProblemCodes.IdempotencyKeyMissing);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        host.Calls().RunsOf(nameof(PatchNote)).Should().Be(1);
        host.Calls().Stored.Should().ContainSingle();
    }

    internal static HttpRequestMessage Post(string path, string json, string? key, string? user = null) => Send(HttpMethod.Post, path, json, key, user);

    private static HttpRequestMessage Send(HttpMethod method, string path, string json, string? key, string? user = null)
    {
        var message = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        if (user is not null)
        {
            message.Headers.Add(HeaderUser.Header, user);
        }

        return message;
    }
}
