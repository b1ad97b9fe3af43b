namespace Hybrid;

/// <summary>
/// Marks the member of a response type that carries the resource's version (a row version, a
/// revision number, a timestamp). A GET answering that type sends it as its strong <c>ETag</c>, and a
/// PUT, PATCH or DELETE on the same route template and version checks <c>If-Match</c> against it
/// before its handler runs (412 on a mismatch).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ResourceVersionAttribute : Attribute
{
}
