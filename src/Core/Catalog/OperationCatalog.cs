using System.Text.Json;

namespace Hybrid;

/// <summary>
/// Every exposed operation, built and checked once at start-up. Resolve it from the service
/// provider to list what the app exposes (an exposure inventory, a test, a document).
/// </summary>
public sealed class OperationCatalog
{
    // A plain dictionary, not a frozen one: freezing 1,000 keys costs more at start-up than its
    // faster lookups save, and it is not on a request's path.
    private readonly Dictionary<Type, RequestShape> _shapes;

    internal OperationCatalog(IReadOnlyList<HybridOperation> operations, IReadOnlyDictionary<Type, RequestShape> shapes, JsonSerializerOptions json, HybridOptions options)
    {
        Operations = operations;
        Json = json;
        ReadingJson = RequestJson.For(json, options, operations.Select(o => o.RequestType));
        _shapes = new Dictionary<Type, RequestShape>(shapes);
        Validators = new Validators(json, options.MaxJsonDepth);
    }

    /// <summary>Every operation, ordered by request type name.</summary>
    public IReadOnlyList<HybridOperation> Operations { get; }

    /// <summary>What both doors write with and the documents describe: the app's JSON options, with enums by name (<see cref="WireJson"/>).</summary>
    internal JsonSerializerOptions Json { get; }

    /// <summary>What request bodies are read with: <see cref="Json"/>, made strict (<see cref="RequestJson"/>).</summary>
    internal JsonSerializerOptions ReadingJson { get; }

    internal Validators Validators { get; }

    /// <summary>The problems of the declarations left out of <see cref="Operations"/>; the start-up check reports them.</summary>
    internal IReadOnlyList<HybridConfigurationError> Errors { get; init; } = [];

    /// <summary>What each mapped door made of the catalog, and the problems its checks found.</summary>
    internal DoorExposures Doors { get; } = new();

    internal RequestShape ShapeOf(HybridOperation operation) => _shapes[operation.RequestType];
}
