namespace Hybrid.Clients;

/// <summary>One document the app's doors serve, as the export read it.</summary>
/// <param name="Name">The file name without <c>.json</c> (<c>actions</c>, <c>v1</c>...).</param>
/// <param name="IsPublic">A public REST document; the actions document is internal and never gated.</param>
/// <param name="Json">The document's UTF-8 JSON, exactly as the running app would serve it.</param>
internal sealed record ExportedDocument(string Name, bool IsPublic, byte[] Json);
