namespace Hybrid.Actions;

/// <summary>What the action door exposes of one operation: its id (the path segment's source) and its document summary.</summary>
internal sealed record ActionExposure(string Id, string? Summary);
