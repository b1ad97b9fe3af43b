namespace Hybrid;

/// <summary>One endpoint a door mapped for an operation, with its settings.</summary>
internal sealed record ExposedEndpoint(EndpointSettings Settings)
{
    public string Door => Settings.Door.Name;

    /// <summary>Who may call it, in the inventory's words.</summary>
    public string Policy => Settings.Authorization.Policy;
}
