namespace Hybrid;

/// <summary>
/// A REST route's retirement plan. The route keeps working and every response carries
/// <c>Deprecation</c> (RFC 9745), <c>Sunset</c> (RFC 8594) when a date is set, and a <c>Link</c> to
/// its successor; its document marks the operation deprecated.
/// </summary>
public sealed class RestDeprecation
{
    internal RestDeprecation(DateTimeOffset since, DateTimeOffset? sunset, string? successor)
    {
        Since = since;
        Sunset = sunset;
        Successor = successor;
    }

    /// <summary>When the route was (or will be) deprecated.</summary>
    public DateTimeOffset Since { get; }

    /// <summary>When the route stops answering, if decided.</summary>
    public DateTimeOffset? Sunset { get; }

    /// <summary>
    /// The successor's template relative to the REST prefix (e.g. <c>v2/posts/{postId}</c>), its
    /// placeholders filled from the request's route values, or <see langword="null"/>.
    /// </summary>
    public string? Successor { get; }
}
