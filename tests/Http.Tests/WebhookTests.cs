using System.Net;
using System.Text;
using Hybrid.Testing;

namespace Hybrid.Http.Tests;

/// <summary>Standard Webhooks verification before binding, redelivery handling and the raw request, over real HTTP.</summary>
public sealed class WebhookTests
{
    private const string Path = "/api/v1/hooks/events";

    // Odd spacing and key order on purpose: the raw bytes must be these, not a re-serialization.
    private const string Event = """{ "amount": 7,  "type":"invoice.paid" }""";

    [Fact]
    public async Task A_verified_delivery_runs_the_handler_with_the_bound_members_and_the_exact_bytes()
    {
        await using var host = await RestHost.StartGuardedAsync();

        using var response = await host.Client.SendAsync(WebhookSigner.Delivery(Path, Event, "msg_1", host.Clock().Now));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var received = (ReceiveEvent)host.Calls().Runs.Should().ContainSingle().Which.Request;
        received.Type.Should().Be("invoice.paid");
        received.Amount.Should().Be(7);
        received.Raw.Should().NotBeNull();
        received.Raw!.Body.ToArray().Should().Equal(Encoding.UTF8.GetBytes(Event));
        received.Raw.ContentType.Should().StartWith("application/json");
        received.Raw.Headers["webhook-id"].ToString().Should().Be("msg_1");
    }

    [Fact]
    public async Task A_plain_base64_secret_is_accepted_too()
    {
        const string plain = "c2VjcmV0LWtleS1vZi10aGlydHktdHdvLWJ5dGVzISE=";
        await using var host = await RestHost.StartGuardedAsync(secret: plain);

        using var response = await host.Client.SendAsync(WebhookSigner.Delivery(Path, Event, "msg_p", host.Clock().Now, secret: plain));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        host.Calls().RunsOf(nameof(ReceiveEvent)).Should().Be(1);
    }

    [Fact]
    public async Task One_good_signature_among_several_is_enough()
    {
        await using var host = await RestHost.StartGuardedAsync();
        var timestamp = host.Clock().Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var good = WebhookSigner.Sign(WebhookSigner.Secret, "msg_m", timestamp, Encoding.UTF8.GetBytes(Event));
        var other = WebhookSigner.Sign("whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldCE=", "msg_m", timestamp, Encoding.UTF8.GetBytes(Event));

        using var response = await host.Client.SendAsync(WebhookSigner.Delivery(Path, Event, "msg_m", host.Clock().Now, signature: $"v1,{other} v1a,xyz v1,{good}"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    public static TheoryData<string> Refusals => new() { "bad signature", "other secret", "tampered body", "old timestamp", "future timestamp", "no id", "no timestamp", "no signature" };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_delivery_that_does_not_verify_is_401_and_the_handler_does_not_run(string what)
    {
        await using var host = await RestHost.StartGuardedAsync();
        var now = host.Clock().Now;
        var message = what switch
        {
            "bad signature" => WebhookSigner.Delivery(Path, Event, "msg_2", now, signature: "v1," + Convert.ToBase64String(new byte[32])),
            "other secret" => WebhookSigner.Delivery(Path, Event, "msg_2", now, secret: "whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldCE="),
            "tampered body" => Tampered(WebhookSigner.Delivery(Path, Event, "msg_2", now)),
            "old timestamp" => WebhookSigner.Delivery(Path, Event, "msg_2", now.AddMinutes(-5).AddSeconds(-2)),
            "future timestamp" => WebhookSigner.Delivery(Path, Event, "msg_2", now.AddMinutes(5).AddSeconds(2)),
            "no id" => Without(WebhookSigner.Delivery(Path, Event, "msg_2", now), "webhook-id"),
            "no timestamp" => Without(WebhookSigner.Delivery(Path, Event, "msg_2", now), "webhook-timestamp"),
            _ => Without(WebhookSigner.Delivery(Path, Event, "msg_2", now), "webhook-signature"),
        };

        using var response = await host.Client.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.Should().Be(ProblemCodes.WebhookSignatureInvalid);
        host.Calls().Runs.Should().BeEmpty();
        host.Calls().Stored.Should().BeEmpty();
    }

    [Fact]
    public async Task A_timestamp_within_five_minutes_either_way_verifies()
    {
        await using var host = await RestHost.StartGuardedAsync();

        using var old = await host.Client.SendAsync(WebhookSigner.Delivery(Path, Event, "msg_o", host.Clock().Now.AddMinutes(-5).AddSeconds(1)));
        using var ahead = await host.Client.SendAsync(WebhookSigner.Delivery(Path, Event, "msg_f", host.Clock().Now.AddMinutes(5).AddSeconds(-1)));

        old.StatusCode.Should().Be(HttpStatusCode.NoContent);
        ahead.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_missing_secret_is_401_for_every_delivery_and_the_app_still_starts()
    {
        await using var host = await RestHost.StartGuardedAsync(secret: null);

        using var response = await host.Client.SendAsync(WebhookSigner.Delivery(Path, Event, "msg_3", host.Clock().Now));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.Should().Be(ProblemCodes.WebhookSignatureInvalid);
        host.Calls().Runs.Should().BeEmpty();
        host.Calls().Stored.Should().BeEmpty();
    }

    [Fact]
    public async Task A_verified_delivery_that_fails_validation_is_400_and_its_id_is_not_remembered()
    {
        await using var host = await RestHost.StartGuardedAsync();
        const string invalid = """{"type":"invoice.paid","amount":0}""";

        using var first = await host.Client.SendAsync(WebhookSigner.Delivery(Path, invalid, "msg_v", host.Clock().Now));
        using var fixedDelivery = await host.Client.SendAsync(WebhookSigner.Delivery(Path, Event, "msg_v", host.Clock().Now));

        first.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await first.ReadProblemAsync()).Errors.Should().ContainKey("amount");
        fixedDelivery.StatusCode.Should().Be(HttpStatusCode.NoContent);
        host.Calls().RunsOf(nameof(ReceiveEvent)).Should().Be(1);
    }

    [Fact]
    public async Task A_redelivered_id_is_answered_with_the_success_status_and_not_handled_again()
    {
        await using var host = await RestHost.StartGuardedAsync();

        using var first = await host.Client.SendAsync(WebhookSigner.Delivery(Path, Event, "msg_4", host.Clock().Now));
        host.Clock().Now += TimeSpan.FromMinutes(30);
        using var again = await host.Client.SendAsync(WebhookSigner.Delivery(Path, Event, "msg_4", host.Clock().Now));
        using var another = await host.Client.SendAsync(WebhookSigner.Delivery(Path, Event, "msg_5", host.Clock().Now));

        first.StatusCode.Should().Be(HttpStatusCode.NoContent);
        again.StatusCode.Should().Be(HttpStatusCode.NoContent);
        another.StatusCode.Should().Be(HttpStatusCode.NoContent);
        host.Calls().RunsOf(nameof(ReceiveEvent)).Should().Be(2);
    }

    [Fact]
    public async Task A_raw_member_sent_in_JSON_is_refused_as_unknown_and_the_document_does_not_describe_it()
    {
        await using var host = await RestHost.StartGuardedAsync();
        const string sneaky = """{"type":"x","amount":1,"raw":{"body":"AAAA"}}""";

        using var response = await host.Client.SendAsync(WebhookSigner.Delivery(Path, sneaky, "msg_6", host.Clock().Now));
        var document = await host.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey("raw");
        host.Calls().Runs.Should().BeEmpty();
        using var json = System.Text.Json.JsonDocument.Parse(document);
        json.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(nameof(ReceiveEvent)).GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("type", "amount");
    }

    private static HttpRequestMessage Tampered(HttpRequestMessage message)
    {
        message.Content = new StringContent(Event.Replace("7", "70", StringComparison.Ordinal), Encoding.UTF8, "application/json");
        return message;
    }

    private static HttpRequestMessage Without(HttpRequestMessage message, string header)
    {
        message.Headers.Remove(header);
        return message;
    }
}
