using Hybrid.Http.Idempotency;
using Hybrid.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Http.Tests;

/// <summary>
/// A REST route is composed from its settings in the one order of the pipeline: a route that must see
/// its body whole reads it once before its webhook is verified or its key claimed, and the media type
/// and binding come after them, as binding always came after the guards.
/// </summary>
public sealed class RouteStepsTests
{
    [Fact]
    public async Task Each_route_runs_the_steps_its_settings_ask_for_in_the_one_order()
    {
        await using var host = await RestHost.StartGuardedAsync();

        Build<PlaceOrder, PlacedOrder>(host).Should().Be("MediaType, BodyBuffer, Idempotency, Bind, Handler, Respond");
        Build<ReceiveEvent, Unit>(host).Should().Be("MediaType, BodyBuffer, Webhook, Bind, Handler, Respond");
    }

    private static string Build<TRequest, TResponse>(TestHost host)
        where TRequest : class
    {
        var endpoint = host.Endpoints.Select(e => e.Metadata.GetMetadata<HybridEndpointMetadata>()).First(h => h?.Operation.RequestType == typeof(TRequest))!;
        var store = new Lazy<IIdempotencyStore>(() => IdempotencyStores.Resolve(host.Services));
        return new RestEndpoint<TRequest, TResponse>(endpoint, host.Services.GetRequiredService<OperationCatalog>(), host.Services, "/api/v1", store).Steps;
    }
}
