namespace Hybrid;

/// <summary>A MediatR handler found by scanning: the closed handler interface and the type implementing it.</summary>
internal sealed record FoundHandler(Type RequestType, Type ResponseType, Type ServiceType, Type ImplementationType);
