namespace Hybrid.Clients;

/// <summary>
/// One change of a public document that breaks clients built from its baseline.
/// </summary>
/// <param name="Document">The document's name, e.g. <c>v1.json</c>.</param>
/// <param name="Path">The path template the break is on (empty when the whole document is gone).</param>
/// <param name="Operation">The operation's id, or its verb when it has none (empty for a removed path).</param>
/// <param name="Message">The whole sentence, naming the verb, path, operation and member.</param>
internal sealed record ContractBreak(string Document, string Path, string Operation, string Message);
