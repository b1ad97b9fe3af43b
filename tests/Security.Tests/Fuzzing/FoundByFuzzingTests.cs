using System.Net;

namespace Hybrid.Security.Tests.Fuzzing;

/// <summary>
/// What the fuzzer found, pinned as plain cases so a fix cannot quietly regress when the random
/// samples happen to miss it.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class FoundByFuzzingTests(FuzzHost host)
{
    /// <summary>Invalid UTF-8 inside a property name (not a value) answered 500 on both doors.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Invalid_utf8_in_a_property_name_is_a_bad_body(bool action)
    {
        var before = host.Ledger.Runs;
        byte[] body = [.. "{\"c"u8, 0xFD, .. "stomer\":\"t\"}"u8];
        using var response = await host.Client.SendAsync(JsonBodyProperties.Request(action, body, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, text);
        text.Should().Contain("\"code\":\"invalid_json\"");
        host.Ledger.Runs.Should().Be(before, "no handler may run for a body that is not JSON text");
    }

    /// <summary>A control character in a query date made the JSON reader throw: 500 instead of a field error.</summary>
    [Fact]
    public async Task A_control_character_in_a_query_date_is_a_field_error()
    {
        var before = host.Ledger.Runs;
        using var response = await host.Client.GetAsync("/api/v1/fuzz-regions/a/orders?since=%09%0D%0A");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, text);
        text.Should().Contain("\"code\":\"validation_failed\"");
        host.Ledger.Runs.Should().Be(before);
    }
}
