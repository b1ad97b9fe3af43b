using System.Collections.Concurrent;
using System.Text.Json;

namespace Hybrid;

/// <summary>
/// The validators of every type reachable from the exposed request types, made on first use of a
/// type (not at start-up) and shared by all operations and both doors.
/// </summary>
internal sealed class Validators(JsonSerializerOptions json)
{
    private readonly ConcurrentDictionary<Type, ObjectValidator> _byType = new();

    public JsonSerializerOptions Json { get; } = json;

    public ObjectValidator For(Type type) => _byType.GetOrAdd(type, static (t, self) => new ObjectValidator(t, self), this);
}
