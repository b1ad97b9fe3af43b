using System.Reflection;

namespace Hybrid;

/// <summary>The handlers one <c>AddHybrid</c> call found, kept so the catalog does not scan the same assemblies again.</summary>
internal sealed record ScannedHandlers(IReadOnlyList<Assembly> Assemblies, IReadOnlyList<FoundHandler> Handlers);
