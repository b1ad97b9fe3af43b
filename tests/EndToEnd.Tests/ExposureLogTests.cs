namespace Hybrid.EndToEnd.Tests;

/// <summary>The Blog runs in Development under <c>dotnet run</c>, so it logs its exposure inventory once it has started.</summary>
[Collection(BlogCollection.Name)]
public sealed class ExposureLogTests(BlogServer blog)
{
    [Fact]
    public async Task The_running_Blog_logs_its_committed_inventory_once()
    {
        var committedRows = (await File.ReadAllLinesAsync(Path.Combine(Repository.BlogProject, "exposure.md")))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .ToList();

        // ApplicationStarted runs just after the "Now listening" line the server waits for.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!blog.Log.Contains("Hybrid.Exposure[40]", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var log = blog.Log;
        CountOf(log, "Hybrid.Exposure[40]").Should().Be(1, log);
        committedRows.Should().NotBeEmpty().And.OnlyContain(row => log.Contains(row, StringComparison.Ordinal));
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
