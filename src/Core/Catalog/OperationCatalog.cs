using System.Text.Json;

namespace Hybrid;

/// <summary>
/// Every exposed operation, built and checked once at start-up. Resolve it from the service
/// provider to list what the app exposes (an exposure inventory, a test, a document).
/// </summary>
public sealed class OperationCatalog
{
    // Plain dictionaries, not frozen ones: freezing 1,000 keys costs more at start-up than its
    // faster lookups save, and neither is on a request's path (routing matches action ids).
    private readonly Dictionary<string, HybridOperation> _byActionId;
    private readonly Dictionary<Type, RequestShape> _shapes;

    internal OperationCatalog(IReadOnlyList<HybridOperation> operations, IReadOnlyDictionary<Type, RequestShape> shapes, JsonSerializerOptions json, HybridOptions options)
    {
        Operations = operations;
        Json = json;
        ReadingJson = RequestJson.For(json, options, operations.Select(o => o.RequestType));
        _byActionId = operations
            .Where(o => o.ActionId is not null)
            .ToDictionary(o => o.ActionId!, StringComparer.OrdinalIgnoreCase);
        _shapes = new Dictionary<Type, RequestShape>(shapes);
        Validators = new Validators(json, options.MaxJsonDepth);
        Versions = [.. operations.SelectMany(o => o.Routes).Select(r => r.Version).Distinct().Order()];
    }

    /// <summary>Every operation, ordered by request type name.</summary>
    public IReadOnlyList<HybridOperation> Operations { get; }

    /// <summary>The API versions that have at least one REST route, ascending.</summary>
    public IReadOnlyList<int> Versions { get; }

    /// <summary>What both doors write with and the documents describe: the app's JSON options, with enums by name (<see cref="WireJson"/>).</summary>
    internal JsonSerializerOptions Json { get; }

    /// <summary>What request bodies are read with: <see cref="Json"/>, made strict (<see cref="RequestJson"/>).</summary>
    internal JsonSerializerOptions ReadingJson { get; }

    internal Validators Validators { get; }

    /// <summary>The problems of the declarations left out of <see cref="Operations"/>; the start-up check reports them.</summary>
    internal IReadOnlyList<HybridConfigurationError> Errors { get; init; } = [];

    /// <summary>Finds the operation exposed under an action id (ignoring case).</summary>
    /// <param name="actionId">The action id.</param>
    /// <returns>The operation, or <see langword="null"/>.</returns>
    public HybridOperation? FindAction(string actionId) => _byActionId.GetValueOrDefault(actionId);

    internal RequestShape ShapeOf(HybridOperation operation) => _shapes[operation.RequestType];
}
