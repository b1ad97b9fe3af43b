namespace Hybrid.Clients;

/// <summary>The export could not read the app's documents or generate its clients; the message says why and how to fix it.</summary>
internal sealed class ExportException : Exception
{
    public ExportException(string message)
        : base(message)
    {
    }

    public ExportException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
