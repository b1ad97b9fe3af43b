using System.Text.RegularExpressions;

namespace Hybrid.Core.Tests;

/// <summary>
/// Core iterates over the doors the app registers and never compares or names one: a fourth door is a
/// new package, not an edit of Core. A door's name, its attributes, its types or what it exposes
/// (action ids, routes, tools) in any Core source file fails this test.
/// </summary>
public partial class CoreNamesNoDoorTests
{
    [GeneratedRegex(@"HybridDoors\.|""(action|rest|mcp)""|\bActionAttribute\b|\bRest(Get|Post|Put|Patch|Delete|Route)Attribute\b|\bRestRoute\b|\bActionId\b|\bMcpTool|\bRestDoor\b|\bActionDoor\b|\bMcpDoor\b|\bIsAction\b", RegexOptions.CultureInvariant)]
    private static partial Regex DoorName();

    [Fact]
    public void No_Core_source_file_names_a_door()
    {
        var core = Path.Combine(AbstractionsTests.RepositoryRoot(), "src", "Core");
        var files = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        files.Should().HaveCountGreaterThan(100, "the test must read Core's sources, not an empty folder");
        var named = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(core, f), Line: i + 1, Text: line)))
            .Where(l => DoorName().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        named.Should().BeEmpty();
    }

    [Fact]
    public void The_pattern_catches_what_a_door_edit_of_Core_would_add()
    {
        DoorName().IsMatch("if (door == HybridDoors.Action)").Should().BeTrue();
        DoorName().IsMatch("public string? ActionId { get; }").Should().BeTrue();
        DoorName().IsMatch("IReadOnlyList<RestRoute> Routes").Should().BeTrue();
        DoorName().IsMatch("door.Name == \"mcp\"").Should().BeTrue();
        DoorName().IsMatch("foreach (var door in catalog.Doors.Doors)").Should().BeFalse();
    }

    [Fact]
    public void Core_holds_no_door_type()
    {
        typeof(HybridOptions).Assembly.GetTypes()
            .Where(t => t.Name.StartsWith("Action", StringComparison.Ordinal) || t.Name.StartsWith("Rest", StringComparison.Ordinal) || t.Name.StartsWith("Mcp", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .Should().BeEmpty();
    }
}
