namespace Hybrid;

/// <summary>
/// Something a request type declares for one door: <c>[Action]</c>, <c>[RestGet]</c>, <c>[McpTool]</c>, or
/// what a door's code conventions add. The catalog collects every declaration by its door's name without
/// reading it; the door with that name reads and checks its own when it is mapped.
/// </summary>
public interface IDoorDeclaration
{
    /// <summary>The name of the door the declaration is for, as in <c>hybrid.door</c>.</summary>
    string Door { get; }
}
