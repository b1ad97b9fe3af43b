using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>
/// Stands in for a door endpoint until its operation's first request, then builds it once: the
/// JSON metadata of the response, binders, form readers and compiled constructors of an operation
/// nobody calls cost nothing at start-up, which keeps start-up flat as a catalog grows.
/// </summary>
internal sealed class LazyDoorEndpoint(HybridOperation operation, Func<IDoorEndpoint> create) : IDoorEndpoint
{
    private readonly Lock _gate = new();
    private IDoorEndpoint? _built;

    public HybridOperation Operation { get; } = operation;

    public Task HandleAsync(HttpContext context) => (Volatile.Read(ref _built) ?? Build()).HandleAsync(context);

    private IDoorEndpoint Build()
    {
        lock (_gate)
        {
            if (_built is null)
            {
                Volatile.Write(ref _built, create());
            }

            return _built;
        }
    }
}
