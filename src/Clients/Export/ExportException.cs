namespace Hybrid.Clients;

/// <summary>The export could not read the app's documents; the message says why and how to fix it.</summary>
internal sealed class ExportException(string message) : Exception(message);
