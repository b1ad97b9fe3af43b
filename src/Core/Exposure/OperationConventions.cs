using Microsoft.AspNetCore.Builder;

namespace Hybrid;

/// <summary>
/// Endpoint conventions declared in code for one operation: for every endpoint of it, or for one
/// door's endpoints only. The doors apply them after the operation's attribute metadata, so code
/// wins over attributes, as later metadata does in ASP.NET Core.
/// </summary>
internal sealed class OperationConventions
{
    private readonly List<(string? Door, bool IsFinally, Action<EndpointBuilder> Convention)> _items = [];

    /// <summary>The doors that conventions were declared for, one by one (none for conventions on every door).</summary>
    public IEnumerable<string> Doors => _items.Where(i => i.Door is not null).Select(i => i.Door!).Distinct(StringComparer.Ordinal);

    /// <summary>A builder whose conventions reach every endpoint (<paramref name="door"/> null) or one door's.</summary>
    public DoorConventionBuilder Builder(string? door) =>
        new(convention => _items.Add((door, false, convention)), convention => _items.Add((door, true, convention)));

    /// <summary>Applies what applies to <paramref name="door"/> to one mapped endpoint.</summary>
    public void ApplyTo(IEndpointConventionBuilder builder, string door)
    {
        foreach (var (target, isFinally, convention) in _items)
        {
            if (target is not null && target != door)
            {
                continue;
            }

            if (isFinally)
            {
                builder.Finally(convention);
            }
            else
            {
                builder.Add(convention);
            }
        }
    }

    public void AddRange(OperationConventions other) => _items.AddRange(other._items);
}
