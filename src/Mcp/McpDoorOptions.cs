namespace Hybrid.Mcp;

/// <summary>
/// The MCP door's options: where agents connect, how large a request may be and which credentials
/// the door takes. Reach them with <c>options.Mcp()</c> inside <c>AddHybrid(..., options => ...)</c>
/// or <c>Configure&lt;HybridOptions&gt;</c>; checked at start-up.
/// </summary>
public sealed class McpDoorOptions : IDoorOptions
{
    /// <summary>The path agents connect to (Streamable HTTP, stateless). Default <c>/mcp</c>.</summary>
    public string Path { get; set; } = "/mcp";

    /// <summary>
    /// The largest HTTP request body the door reads, in bytes (one JSON-RPC message: a tool's
    /// arguments and the envelope around them); larger ones get 413. Default 1 MiB.
    /// </summary>
    public long MaxBodySize { get; set; } = 1024 * 1024;

    /// <summary>
    /// The most items a stream operation called as a tool collects into its one result; a stream
    /// that yields more is stopped and the call answers 422 <c>result_too_large</c>. Default 1,000.
    /// </summary>
    public int MaxStreamItems { get; set; } = 1_000;

    /// <summary>
    /// The most bytes of item JSON a stream operation called as a tool collects into its one result;
    /// a stream that yields more is stopped and the call answers 422 <c>result_too_large</c>. Default 1 MiB.
    /// </summary>
    public long MaxStreamBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The authentication schemes the door accepts (e.g. JWT bearer). Empty (the default): the app's
    /// default scheme. Each tool's policy authenticates with them unless it names its own schemes;
    /// when they include a JWT bearer scheme, the door serves OAuth protected-resource metadata
    /// (RFC 9728) and challenges an anonymous call of a protected tool with <c>401</c> and
    /// <c>WWW-Authenticate: Bearer resource_metadata="..."</c>, as MCP clients expect.
    /// </summary>
    public IList<string> AuthenticationSchemes { get; } = new List<string>();

    /// <summary>
    /// The OAuth authorization servers (issuer URLs) the protected-resource metadata names. Empty
    /// (the default): the JWT bearer scheme's <c>Authority</c>, when it has one.
    /// </summary>
    public IList<string> AuthorizationServers { get; } = new List<string>();

    /// <summary>The server's name in the MCP handshake (<c>serverInfo.name</c>). Default: the documents' title (<see cref="HybridOptions.Title"/>).</summary>
    public string? ServerName { get; set; }

    IEnumerable<HybridConfigurationError> IDoorOptions.Validate()
    {
        if (!HybridOptionsValidator.IsPath(Path))
        {
            yield return new("HYB114", $"options.Mcp().Path is '{Path}', which is not a path. Fix: use a path that starts with '/' and does not end with one, e.g. /mcp.");
        }

        if (MaxBodySize <= 0)
        {
            yield return new("HYB114", "options.Mcp().MaxBodySize must be more than 0. Fix: set it to the largest request the door should read, e.g. 1_048_576.");
        }

        if (MaxStreamItems <= 0 || MaxStreamBytes <= 0)
        {
            yield return new("HYB114", "options.Mcp().MaxStreamItems and MaxStreamBytes must be more than 0. Fix: set them to the most a stream called as a tool may collect into one result, e.g. 1_000 items and 1_048_576 bytes.");
        }

        foreach (var server in AuthorizationServers)
        {
            if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                yield return new("HYB114", $"options.Mcp().AuthorizationServers holds '{server}', which is not an absolute http(s) URL. Fix: name each authorization server by its issuer URL.");
            }
        }
    }
}
