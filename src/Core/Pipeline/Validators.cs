using System.Collections.Concurrent;
using System.Text.Json;

namespace Hybrid;

/// <summary>
/// The validators of every type reachable from the exposed request types, made on first use of a
/// type (not at start-up) and shared by all operations and both doors.
/// </summary>
/// <param name="json">The options that name members (error keys are JSON paths).</param>
/// <param name="maxDepth">How deep a graph is walked: the request bodies' nesting bound (<see cref="HybridOptions.MaxJsonDepth"/>).</param>
internal sealed class Validators(JsonSerializerOptions json, int maxDepth)
{
    private readonly ConcurrentDictionary<Type, ObjectValidator> _byType = new();

    public JsonSerializerOptions Json { get; } = json;

    public int MaxDepth { get; } = maxDepth;

    public ObjectValidator For(Type type) => _byType.GetOrAdd(type, static (t, self) => new ObjectValidator(t, self), this);
}
