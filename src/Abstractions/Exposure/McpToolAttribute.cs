namespace Hybrid;

/// <summary>
/// Exposes an operation as a Model Context Protocol tool on the MCP door (<c>app.MapHybridMcp()</c>):
/// AI agents list it with <c>tools/list</c> and call it with <c>tools/call</c>, through the same
/// validation, policy, limits and problems as the other doors. Nothing is a tool without it (or
/// <c>op.AsMcpTool()</c> in code). The tool's description is the request type's XML documentation
/// summary; its input schema is the request's shape, its output schema the handler's result.
/// </summary>
/// <remarks>
/// The hints an agent reads (<c>readOnlyHint</c>, <c>destructiveHint</c>, <c>idempotentHint</c>) are
/// derived from how the operation is exposed: an operation some door serves with <c>GET</c> is
/// read-only, one served with <c>DELETE</c> destructive, one served with <c>PUT</c> or <c>DELETE</c>,
/// or declared <c>[Idempotent]</c>, idempotent. Setting <see cref="ReadOnly"/>, <see cref="Destructive"/>
/// or <see cref="Idempotent"/> here states the hint instead.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class McpToolAttribute : Attribute, IDoorDeclaration
{
    private bool? _readOnly;
    private bool? _destructive;
    private bool? _idempotent;

    /// <summary>
    /// The tool's name, what an agent calls: 1 to 128 of <c>A-Z a-z 0-9 _ . -</c>, unique in the app
    /// ignoring case (checked at start-up). Default: the request type's name.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>A short human-readable title for the tool, shown by agents' user interfaces. Default: none.</summary>
    public string? Title { get; set; }

    /// <summary>Whether the tool only reads: states <c>readOnlyHint</c> instead of deriving it.</summary>
    public bool ReadOnly
    {
        get => _readOnly ?? false;
        set => _readOnly = value;
    }

    /// <summary>Whether the tool may destroy or overwrite data: states <c>destructiveHint</c> instead of deriving it.</summary>
    public bool Destructive
    {
        get => _destructive ?? false;
        set => _destructive = value;
    }

    /// <summary>Whether calling the tool again with the same arguments changes nothing more: states <c>idempotentHint</c> instead of deriving it.</summary>
    public bool Idempotent
    {
        get => _idempotent ?? false;
        set => _idempotent = value;
    }

    /// <summary>The MCP door: <see cref="HybridDoors.Mcp"/>.</summary>
    public string Door => HybridDoors.Mcp;

    internal bool? ReadOnlyHint => _readOnly;

    internal bool? DestructiveHint => _destructive;

    internal bool? IdempotentHint => _idempotent;

    /// <summary>This declaration with what a later one (code after attributes) states.</summary>
    internal McpToolAttribute With(McpToolAttribute later) => new()
    {
        Name = later.Name ?? Name,
        Title = later.Title ?? Title,
        _readOnly = later._readOnly ?? _readOnly,
        _destructive = later._destructive ?? _destructive,
        _idempotent = later._idempotent ?? _idempotent,
    };
}
