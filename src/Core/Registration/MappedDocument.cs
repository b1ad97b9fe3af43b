namespace Hybrid;

/// <summary>A document a door serves: its name (<c>actions</c>, <c>v1</c>...), whether it is public, and its bytes.</summary>
/// <param name="Name">The file name without <c>.json</c>.</param>
/// <param name="IsPublic">A public REST document (gated against its baseline); the actions document is internal.</param>
/// <param name="Bytes">Builds the document (once) and returns its UTF-8 JSON.</param>
internal sealed record MappedDocument(string Name, bool IsPublic, Func<IEnumerable<ReadOnlyMemory<byte>>> Bytes);
