namespace Hybrid.Mcp;

/// <summary>
/// The tools the door mapped, by name, and their protocol form: made when the door is mapped, the
/// schemas written on the first <c>tools/list</c> or <c>tools/call</c> (or the build-time export),
/// not at start-up, so a large catalog starts as fast without agents.
/// </summary>
internal sealed class McpTools
{
    private readonly Lock _gate = new();
    private Dictionary<string, McpToolEntry> _byName = new(StringComparer.Ordinal);
    private IReadOnlyList<McpToolEntry> _all = [];
    private Func<IReadOnlyList<McpToolEntry>, IReadOnlyList<McpToolEntry>>? _describe;
    private bool _described;

    /// <summary>The door's store of idempotent results, made by the first tool that needs it.</summary>
    public McpIdempotency? Idempotency { get; set; }

    /// <summary>Every tool, ordered by name, with its protocol form.</summary>
    public IReadOnlyList<McpToolEntry> All => Described();

    public void Attach(IReadOnlyList<McpToolEntry> tools, Func<IReadOnlyList<McpToolEntry>, IReadOnlyList<McpToolEntry>> describe)
    {
        lock (_gate)
        {
            _all = tools;
            _byName = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
            _describe = describe;
        }
    }

    /// <summary>The tool named <paramref name="name"/> (exactly, as agents list it), or <see langword="null"/>.</summary>
    public McpToolEntry? Find(string name)
    {
        Described();
        return _byName.GetValueOrDefault(name);
    }

    /// <summary>The protocol form of every tool, written once.</summary>
    private IReadOnlyList<McpToolEntry> Described()
    {
        if (Volatile.Read(ref _described))
        {
            return _all;
        }

        lock (_gate)
        {
            if (!_described && _describe is not null)
            {
                _describe(_all);
                Volatile.Write(ref _described, true);
            }

            return _all;
        }
    }
}

/// <summary>What the mapped door needs at run time beyond its tools.</summary>
/// <param name="Options">The door's options.</param>
/// <param name="Traits">The door's traits.</param>
/// <param name="Challenge">The protected-resource challenge when the door takes JWT bearer tokens, else <see langword="null"/>.</param>
internal sealed record McpDoorSetup(McpDoorOptions Options, DoorTraits Traits, McpChallenge? Challenge);
