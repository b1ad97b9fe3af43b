namespace Hybrid.Clients;

/// <summary>Thrown by <see cref="ExportLifetime"/> to end the app's start once the documents are read.</summary>
internal sealed class ExportFinishedException() : Exception("Hybrid.Clients read the app's documents; the app was not started.");
