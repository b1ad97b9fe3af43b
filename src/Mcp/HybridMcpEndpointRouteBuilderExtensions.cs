using Hybrid;
using Hybrid.Mcp;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Routing;

/// <summary>
/// Maps the MCP door. It lives in this namespace, as the other doors' <c>Map...</c> methods do, so
/// <c>Program.cs</c> needs no <c>using</c> for it.
/// </summary>
public static class HybridMcpEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the MCP door at <c>options.Mcp().Path</c> (<c>/mcp</c>): Streamable HTTP, stateless, whose
    /// tools are the operations marked <see cref="McpToolAttribute"/>. Each tool has an endpoint of its
    /// own that routing never matches: it carries the operation's metadata and the conventions added
    /// here, and its settings (policy, rate limit, timeout, revalidation) apply to every call of the
    /// tool. When the door takes JWT bearer tokens it also serves the protected-resource metadata.
    /// </summary>
    /// <param name="endpoints">The app's endpoint route builder.</param>
    /// <returns>
    /// A builder whose conventions (authorization, rate limiting, timeouts) reach every tool, and
    /// <see cref="HybridEndpointConventionBuilder.ForOperation{TRequest}"/> one tool.
    /// </returns>
    public static HybridEndpointConventionBuilder MapHybridMcp(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var strict = services.GetService<IOptions<HybridOptions>>() is { } configured && HybridStartupCheck.OptionsErrors(services).Count == 0 && configured.Value.RequireExplicitPolicy;
        var ready = DoorPrerequisites.Read(endpoints, nameof(MapHybridMcp), new McpDoor(strict));
        if (services.GetService<McpRuntime>() is not { } runtime)
        {
            throw new HybridConfigurationException([new HybridConfigurationError(
                "HYB113",
                "MapHybridMcp() was called, but the MCP door's services are not registered. Fix: call builder.Services.AddHybridMcp() beside AddHybrid(...).")]);
        }

        if (ready is not { } found)
        {
            return new HybridEndpointConventionBuilder(HybridDoors.Mcp, [], [], new Dictionary<Type, List<IEndpointConventionBuilder>>(), incomplete: true);
        }

        var (catalog, options, exposed) = found;
        var door = options.Mcp();
        var traits = McpDoor.Traits(door);
        var group = endpoints.MapGroup(door.Path + "/_tools");
        group.WithMetadata(new ExcludeFromDescriptionAttribute(), new SuppressMatchingMetadata());
        var byOperation = new Dictionary<Type, List<IEndpointConventionBuilder>>();
        var entries = new List<McpToolEntry>();
        foreach (var operation in catalog.Operations)
        {
            if (exposed.GetValueOrDefault(operation) is not McpToolInfo tool)
            {
                continue;
            }

            var hybrid = new HybridEndpointMetadata(operation, traits, HttpMethods.Post, tool, tool.Name);
            var endpoint = new LazyDoorEndpoint(operation, () => (IDoorEndpoint)Activator.CreateInstance(
                typeof(McpToolEndpoint<,>).MakeGenericType(operation.RequestType, operation.ResponseType), hybrid, catalog, services)!);
            var builder = DoorMapping.Map(group, "/" + tool.Name, endpoint, hybrid);
            builder.WithDisplayName("Hybrid MCP tool " + tool.Name);
            byOperation.Add(operation.RequestType, [builder]);
            entries.Add(new McpToolEntry(tool, hybrid, endpoint));
        }

        entries.Sort((a, b) => StringComparer.Ordinal.Compare(a.Name, b.Name));
        var challenge = McpChallenge.For(services, door, door.ServerName ?? options.Title);
        var setup = new McpDoorSetup(door, traits, challenge);
        var doors = services.GetRequiredService<MappedDoors>();
        runtime.Tools.Attach(entries, all => McpToolDescriptions.Describe(all, catalog, doors.Endpoints()));
        var transport = new McpTransport(setup, runtime);
        endpoints.MapMcp(door.Path)
            .WithMetadata(new AllowAnonymousAttribute(), new ExcludeFromDescriptionAttribute())
            .Add(b =>
            {
                // Each tool's policy decides, per call: the transport itself lets every caller in.
                if (b.RequestDelegate is { } sdk)
                {
                    b.RequestDelegate = context => transport.HandleAsync(context, sdk);
                }
            });
        if (challenge is not null)
        {
            endpoints.MapGet(challenge.MetadataPath, challenge.ServeAsync)
                .WithDisplayName("Hybrid MCP protected-resource metadata")
                .WithMetadata(new AllowAnonymousAttribute(), new ExcludeFromDescriptionAttribute());
        }

        var index = McpDoor.IndexOf(catalog)!;
        doors.AddCheck(provider => McpStartupCheck.Run(provider, index));
        doors.AddDocument(new MappedDocument(McpToolDescriptions.DocumentName, IsPublic: false, () => [McpToolDescriptions.Document(runtime.Tools.All)]));
        return new HybridEndpointConventionBuilder(HybridDoors.Mcp, [group], [], byOperation, incomplete: catalog.Errors.Count > 0);
    }
}
