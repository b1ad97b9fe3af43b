namespace Hybrid;

/// <summary>The request-scoped <see cref="IRevalidation"/>: what the handler added, read after it succeeded.</summary>
internal sealed class Revalidation : IRevalidation
{
    public List<string> Tags { get; } = [];

    public List<string> Paths { get; } = [];

    public void Tag(string tag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        Tags.Add(tag);
    }

    public void Path(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path[0] != '/')
        {
            throw new ArgumentException("A path starts with '/'.", nameof(path));
        }

        Paths.Add(path);
    }
}
