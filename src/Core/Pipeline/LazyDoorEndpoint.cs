using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>
/// Stands in for a door endpoint until its operation's first request, then builds it once: the
/// JSON metadata of the response, binders, form readers and compiled constructors of an operation
/// nobody calls cost nothing at start-up, which keeps start-up flat as a catalog grows. The
/// endpoint's final metadata is kept here and handed on, so documents and the built endpoint read
/// the same settings.
/// </summary>
internal sealed class LazyDoorEndpoint(HybridOperation operation, Func<IDoorEndpoint> create) : IDoorEndpoint
{
    private readonly Lock _gate = new();
    private IDoorEndpoint? _built;
    private IReadOnlyList<object> _metadata = [];

    public HybridOperation Operation { get; } = operation;

    public IReadOnlyList<object> Metadata => _metadata;

    public void Configure(IReadOnlyList<object> metadata)
    {
        lock (_gate)
        {
            _metadata = metadata;
            _built?.Configure(metadata);
        }
    }

    public Task HandleAsync(HttpContext context) => (Volatile.Read(ref _built) ?? Build()).HandleAsync(context);

    private IDoorEndpoint Build()
    {
        lock (_gate)
        {
            if (_built is null)
            {
                var built = create();
                built.Configure(_metadata);
                Volatile.Write(ref _built, built);
            }

            return _built;
        }
    }
}
