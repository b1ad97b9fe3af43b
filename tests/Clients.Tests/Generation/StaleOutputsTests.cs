namespace Hybrid.Clients.Tests.Generation;

/// <summary>A file an earlier generation wrote and this one does not is removed; nothing else is.</summary>
public sealed class StaleOutputsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hybrid-stale-").FullName;

    [Fact]
    public void Switching_CSharp_off_removes_the_CSharp_clients_and_keeps_the_rest()
    {
        var list = Path.Combine(_folder, "outputs");
        var kept = Write("rest-v1.ts");
        var stale = Write("RestV1Client.cs");
        var users = Write("notes.md");
        File.WriteAllLines(list, [kept, stale]);
        using var log = new StringWriter();

        ClientGeneration.RemoveStale(list, [kept], log);

        File.Exists(kept).Should().BeTrue();
        File.Exists(stale).Should().BeFalse();
        File.Exists(users).Should().BeTrue("a file the tool never listed is the user's");
        log.ToString().Should().Contain("RestV1Client.cs");
    }

    [Fact]
    public void Generating_into_another_folder_leaves_the_old_one_alone()
    {
        var list = Path.Combine(_folder, "outputs");
        var old = Write("rest-v1.ts");
        File.WriteAllLines(list, [old]);
        using var log = new StringWriter();

        ClientGeneration.RemoveStale(list, [Path.Combine(_folder, "moved", "rest-v1.ts")], log);

        File.Exists(old).Should().BeTrue();
    }

    [Fact]
    public void A_first_generation_has_nothing_to_remove()
    {
        var users = Write("RestV1Client.cs");
        using var log = new StringWriter();

        ClientGeneration.RemoveStale(Path.Combine(_folder, "outputs"), [], log);

        File.Exists(users).Should().BeTrue();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, name);
        return path;
    }
}
