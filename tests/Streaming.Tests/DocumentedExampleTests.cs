using Hybrid.Streaming.Tests.Documented;
using Hybrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Streaming.Tests;

public sealed class DocumentedExampleTests
{
    [Fact]
    public void The_example_of_docs_streaming_md_is_the_code_compiled_here()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "streaming.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var block = doc.Split("```csharp\n")[1].Split("```")[0];
        var code = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "Streaming.Tests", "Documented", "FollowCommentsExample.cs")).Replace("\r\n", "\n", StringComparison.Ordinal);

        code.Should().Contain(block);
    }

    [Fact]
    public async Task The_example_follows_new_comments_and_resumes_after_the_last_one_seen()
    {
        var db = new BlogDb();
        db.Add(1, new CommentView(1, "ada", "first"));
        await using var host = await StreamHost.StartAsync(services: s => s.AddSingleton(db));
        using var response = await host.OpenAsync(StreamHost.Get("/posts/1/comments/live"));
        db.Add(2, new CommentView(2, "grace", "elsewhere"));
        db.Add(1, new CommentView(3, "grace", "new"));

        var items = await SseEvents.ReadItemsAsync(response, 1).WaitAsync(TimeSpan.FromSeconds(10));
        items.Single().EventId.Should().Be("3");
        items.Single().Data.Should().Contain("\"body\":\"new\"");

        db.Add(1, new CommentView(4, "ada", "newer"));
        using var resumed = await host.OpenAsync(StreamHost.Get("/posts/1/comments/live", lastEventId: "3"));
        (await SseEvents.ReadItemsAsync(resumed, 1).WaitAsync(TimeSpan.FromSeconds(10))).Single().EventId.Should().Be("4");
    }
}
