using System.Reflection;

namespace Hybrid.Core.Tests.Support;

/// <summary>
/// An assembly that holds exactly the given types. Every catalog in these tests is built from one,
/// so a test sees only its own request types and handlers, never the whole test assembly (which
/// deliberately contains broken declarations, e.g. a request with two handlers).
/// </summary>
internal sealed class ScannedTypes(params Type[] types) : Assembly
{
    public override Type[] GetTypes() => [.. types];

    public override string FullName => "Hybrid.Core.Tests.ScannedTypes, " + string.Join(",", types.Select(t => t.Name));
}
