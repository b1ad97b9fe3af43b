using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hybrid.Testing;

namespace Hybrid.Http.Tests;

public sealed class GetBindingTests
{
    private static readonly Guid WidgetId = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");

    [Fact]
    public async Task Route_values_and_query_parameters_bind_into_one_request()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.GetAsync(
            $"/api/v1/shops/42/widgets/{WidgetId}?color=dark%20blue&size=Large&maxPrice=19.95&page_size=5&inStock=true&since=2024-02-29");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var received = host.Store().Received.Should().ContainSingle().Which.Should().BeOfType<GetWidget>().Subject;
        received.ShopId.Should().Be(42);
        received.WidgetId.Should().Be(WidgetId);
        received.Color.Should().Be("dark blue");
        received.Size.Should().Be(WidgetSize.Large);
        received.MaxPrice.Should().Be(19.95m);
        received.PageSize.Should().Be(5);
        received.InStock.Should().BeTrue();
        received.Since.Should().Be(new DateOnly(2024, 2, 29));

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("shopId").GetInt32().Should().Be(42);
        body.GetProperty("widgetId").GetGuid().Should().Be(WidgetId);
    }

    [Fact]
    public async Task Absent_query_parameters_keep_their_defaults_and_nullables_stay_null()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.GetAsync($"/api/v1/shops/1/widgets/{WidgetId}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var received = host.Store().Received.Should().ContainSingle().Which.Should().BeOfType<GetWidget>().Subject;
        received.Color.Should().BeNull();
        received.MaxPrice.Should().BeNull();
        received.Since.Should().BeNull();
        received.Size.Should().Be(WidgetSize.Medium);
        received.PageSize.Should().Be(20);
    }

    [Fact]
    public async Task Empty_value_of_a_nullable_query_parameter_binds_null()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.GetAsync($"/api/v1/shops/1/widgets/{WidgetId}?maxPrice=&since=");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var received = host.Store().Received.Should().ContainSingle().Which.Should().BeOfType<GetWidget>().Subject;
        received.MaxPrice.Should().BeNull();
        received.Since.Should().BeNull();
    }

    [Theory]
    [InlineData("size=2", WidgetSize.Large)]
    [InlineData("size=small", WidgetSize.Small)]
    [InlineData("Size=Large", WidgetSize.Large)]
    public async Task Enums_bind_by_name_ignoring_case_or_by_defined_number(string query, WidgetSize expected)
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.GetAsync($"/api/v1/shops/1/widgets/{WidgetId}?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Store().Received.OfType<GetWidget>().Single().Size.Should().Be(expected);
    }

    [Fact]
    public async Task Positional_record_binds_from_route_and_query()
    {
        await using var host = await RestHost.StartAsync();

        var text = await host.Client.GetFromJsonAsync<string>("/api/v1/orders/7?note=urgent");

        text.Should().Be("order 7 urgent");
    }

    [Theory]
    [InlineData("/api/v1/shops/abc/widgets/6f9619ff-8b86-d011-b42d-00cf4fc964ff", "shopId", "abc")]
    [InlineData("/api/v1/shops/1/widgets/not-a-guid", "widgetId", "not-a-guid")]
    [InlineData("/api/v1/shops/1/widgets/6f9619ff-8b86-d011-b42d-00cf4fc964ff?page_size=many", "page_size", "many")]
    [InlineData("/api/v1/shops/1/widgets/6f9619ff-8b86-d011-b42d-00cf4fc964ff?size=Huge", "size", "Huge")]
    [InlineData("/api/v1/shops/1/widgets/6f9619ff-8b86-d011-b42d-00cf4fc964ff?size=7", "size", "7")]
    [InlineData("/api/v1/shops/1/widgets/6f9619ff-8b86-d011-b42d-00cf4fc964ff?size=-1", "size", "-1")]
    [InlineData("/api/v1/shops/1/widgets/6f9619ff-8b86-d011-b42d-00cf4fc964ff?size=%2B7", "size", "+7")]
    [InlineData("/api/v1/shops/1/widgets/6f9619ff-8b86-d011-b42d-00cf4fc964ff?size=%207", "size", " 7")]
    [InlineData("/api/v1/shops/1/widgets/6f9619ff-8b86-d011-b42d-00cf4fc964ff?maxPrice=cheap", "maxPrice", "cheap")]
    [InlineData("/api/v1/shops/1/widgets/6f9619ff-8b86-d011-b42d-00cf4fc964ff?inStock=yes", "inStock", "yes")]
    [InlineData("/api/v1/shops/99999999999/widgets/6f9619ff-8b86-d011-b42d-00cf4fc964ff", "shopId", "99999999999")]
    public async Task Unparsable_route_or_query_value_is_400_validation_failed_keyed_by_json_name(string url, string field, string value)
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        // The message names the field and what a valid value looks like; it never echoes the input back.
        problem.Errors.Should().ContainKey(field).WhoseValue.Should().ContainSingle().Which.Should().Contain($"'{field}'").And.NotContain(value);
        problem.Errors!.Keys.Should().Equal(field);
        host.Store().Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Several_unparsable_values_are_all_reported()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/shops/x/widgets/y?page_size=z");

        var problem = await response.ReadProblemAsync();
        problem.Errors!.Keys.Should().BeEquivalentTo("shopId", "widgetId", "page_size");
    }

    [Fact]
    public async Task DataAnnotations_on_query_values_are_enforced_keyed_by_json_name()
    {
        await using var host = await RestHost.StartAsync();

        using var response = await host.Client.GetAsync($"/api/v1/shops/1/widgets/{WidgetId}?page_size=1000");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors!.Keys.Should().Equal("page_size");
        host.Store().Received.Should().BeEmpty();
    }
}
