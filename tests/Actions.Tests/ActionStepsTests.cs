using Hybrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions.Tests;

/// <summary>
/// An action is composed from its settings in the one order of the pipeline: the origin check first,
/// before anything is read; the antiforgery token only where the action requires one.
/// </summary>
public sealed class ActionStepsTests
{
    [Theory]
    [InlineData(false, "Origin, BodyLimit, MediaType, Bind, Handler, Respond")]
    [InlineData(true, "Origin, BodyLimit, MediaType, Antiforgery, Bind, Handler, Respond")]
    public async Task An_action_runs_its_steps_in_the_one_order(bool requireTokens, string steps)
    {
        await using var host = await ActionsHost.StartAsync(requireTokens: requireTokens);

        Build<CreateNote, NoteCreated>(host).Steps.Should().Be(steps);
    }

    private static ActionEndpoint<TRequest, TResponse> Build<TRequest, TResponse>(TestHost host)
        where TRequest : class
    {
        var endpoint = host.Endpoints.Select(e => e.Metadata.GetMetadata<HybridEndpointMetadata>()).First(h => h?.Operation.RequestType == typeof(TRequest))!;
        return new ActionEndpoint<TRequest, TResponse>(endpoint, host.Services.GetRequiredService<OperationCatalog>(), host.Services);
    }
}
