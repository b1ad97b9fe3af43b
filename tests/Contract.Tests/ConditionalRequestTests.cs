using System.Net.Http.Json;
using System.Net;
using Hybrid.Testing;

namespace Hybrid.Contract.Tests;

public sealed class ConditionalRequestTests
{
    [Fact]
    public async Task A_GET_carries_the_declared_version_as_a_strong_ETag()
    {
        await using var host = await ContractHost.StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/records/1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.Should().Be("\"3\"");
        response.Headers.ETag.IsWeak.Should().BeFalse();
        (await response.Content.ReadFromJsonAsync<RecordView>()).Should().Be(new RecordView(1, "first", 3));
    }

    [Fact]
    public async Task If_None_Match_with_the_current_tag_is_304_without_a_body()
    {
        await using var host = await ContractHost.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/records/1");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"2\", W/\"3\"");
        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        response.Headers.ETag!.Tag.Should().Be("\"3\"");
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task If_None_Match_with_an_old_tag_gets_the_body()
    {
        await using var host = await ContractHost.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/records/1");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"2\"");
        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<RecordView>())!.Version.Should().Be(3);
    }

    [Fact]
    public async Task Without_a_declared_version_the_ETag_follows_the_bytes()
    {
        await using var host = await ContractHost.StartAsync();

        using var first = await host.Client.GetAsync("/api/v1/record-names");
        using var again = await host.Client.GetAsync("/api/v1/record-names");
        using var other = await host.Client.GetAsync("/api/v1/record-names?prefix=none");
        var tag = first.Headers.ETag!.Tag;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/record-names");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", tag);
        using var notModified = await host.Client.SendAsync(conditional);

        tag.Should().MatchRegex("^\"[A-Za-z0-9_-]{22}\"$");
        again.Headers.ETag!.Tag.Should().Be(tag);
        other.Headers.ETag!.Tag.Should().NotBe(tag);
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task If_Match_with_a_stale_version_is_412_and_the_write_never_runs()
    {
        await using var host = await ContractHost.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/records/1") { Content = DoorCase.JsonContent("""{"name":"renamed"}""") };
        request.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await response.ReadProblemAsync()).Code.Should().Be("precondition_failed");
        response.Headers.ETag!.Tag.Should().Be("\"3\"");
        host.Records().RunsOf(nameof(RenameRecord)).Should().Be(0);
        host.Records().Records[1].Name.Should().Be("first");
    }

    [Fact]
    public async Task If_Match_with_the_current_version_runs_the_write_and_answers_the_new_tag()
    {
        await using var host = await ContractHost.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/records/1") { Content = DoorCase.JsonContent("""{"name":"renamed"}""") };
        request.Headers.TryAddWithoutValidation("If-Match", "\"3\"");
        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.Should().Be("\"4\"");
        host.Records().Records[1].Should().Be(new RecordView(1, "renamed", 4));
    }

    [Fact]
    public async Task If_Match_on_a_missing_resource_is_412()
    {
        await using var host = await ContractHost.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/records/77");
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        host.Records().RunsOf(nameof(RemoveRecord)).Should().Be(0);
    }

    [Fact]
    public async Task If_Match_star_on_an_existing_resource_passes()
    {
        await using var host = await ContractHost.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/records/1");
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        host.Records().Records.Should().NotContainKey(1);
    }

    [Fact]
    public async Task A_write_without_If_Match_is_not_checked()
    {
        await using var host = await ContractHost.StartAsync();

        using var response = await host.Client.PutAsync("/api/v1/records/1", DoorCase.JsonContent("""{"name":"blind"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Records().RunsOf(nameof(GetRecord)).Should().Be(0, "no version is read when the client does not ask for a check");
    }

    [Fact]
    public async Task An_empty_If_Match_asks_nothing_as_generated_clients_send_it_for_an_omitted_header()
    {
        await using var host = await ContractHost.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/records/1") { Content = DoorCase.JsonContent("""{"name":"renamed"}""") };
        request.Headers.TryAddWithoutValidation("If-Match", "").Should().BeTrue();
        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Records().RunsOf(nameof(GetRecord)).Should().Be(0);
    }

    [Fact]
    public async Task An_answer_to_a_signed_in_caller_is_private_and_an_anonymous_one_is_not()
    {
        await using var host = await ContractHost.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/records/1");
        request.Headers.Add(HeaderUser.Header, "ada");
        using var signedIn = await host.Client.SendAsync(request);
        using var anonymous = await host.Client.GetAsync("/api/v1/records/1");

        signedIn.Headers.CacheControl!.Private.Should().BeTrue();
        anonymous.Headers.CacheControl.Should().BeNull();
    }
}
