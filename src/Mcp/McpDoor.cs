namespace Hybrid.Mcp;

/// <summary>The MCP door's name and traits, made from its options: what its tools' settings are resolved against.</summary>
internal static class McpDoor
{
    /// <summary>The door's name, in telemetry (<c>hybrid.door</c>) and on its endpoints' metadata.</summary>
    public const string Name = "mcp";

    /// <summary>
    /// A tool call is one POST with no route: its settings resolve as an action's do. Idempotent
    /// retries are replayed (<see cref="McpIdempotency"/>), so <c>[Idempotent]</c> acts here; the body
    /// limit is the transport's (<see cref="McpDoorOptions.MaxBodySize"/>), since the arguments are read with the message.
    /// </summary>
    public static DoorTraits Traits(McpDoorOptions options) => new()
    {
        Name = Name,
        DefaultBodyLimit = options.MaxBodySize,
        AuthenticationSchemes = [.. options.AuthenticationSchemes],
        ReplaysIdempotentRequests = true,
    };
}
