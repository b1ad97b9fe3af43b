namespace Hybrid;

/// <summary>
/// The most file parts one request to this operation may upload; more get 413
/// <c>payload_too_large</c> and the handler does not run. Without it, <c>HybridOptions.MaxFiles</c>
/// applies. Put it on the request type or its handler, or add it in code with <c>WithMetadata</c>.
/// </summary>
/// <param name="count">The most file parts, zero or more.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class MaxFilesAttribute(int count) : Attribute
{
    /// <summary>The most file parts one request may upload.</summary>
    public int Count { get; } = count >= 0 ? count : throw new ArgumentOutOfRangeException(nameof(count), count, "The count must be zero or more.");
}
