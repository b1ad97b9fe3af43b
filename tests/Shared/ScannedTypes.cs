using System.Reflection;

namespace Hybrid.Testing;

/// <summary>
/// An assembly that holds exactly the given types. Every catalog in these tests is built from one,
/// so a test sees only its own request types and handlers, never the whole test assembly (which
/// deliberately contains broken declarations, e.g. a request with two handlers).
/// </summary>
public sealed class ScannedTypes(params Type[] types) : Assembly
{
    public override Type[] GetTypes() => [.. types];

    public override string FullName => "Hybrid.Testing.ScannedTypes, " + string.Join(",", types.Select(t => t.Name));
}
