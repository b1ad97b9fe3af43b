using System.Net;
using System.Net.Http.Json;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// FollowComments behind a balancer: a follower on B gets a comment stored through A. B's own feed is
/// never told of it (only the instance that stores a comment signals its followers), so the item can
/// only come from B's poll of the shared database.
/// </summary>
[Collection(ScaleOutCollection.Name)]
[Trait("Category", "ScaleOut")]
public sealed class ScaleOutLiveCommentsTests(ScaleOutCluster cluster)
{
    [Fact]
    public async Task A_follower_on_B_gets_a_comment_stored_through_A_from_its_poll()
    {
        using var b = cluster.B.CreateClient();
        using var follow = await EventStreams.OpenAsync(b, EventStreams.Get("/api/v1/posts/2/comments/live"));
        follow.StatusCode.Should().Be(HttpStatusCode.OK);

        using var a = cluster.A.CreateClient();
        var text = "Stored on A, followed on B " + Guid.NewGuid().ToString("N")[..8];
        using var created = await a.PostAsJsonAsync("/api/v1/posts/2/comments", new { author = "Balanced", body = text });
        created.StatusCode.Should().Be(HttpStatusCode.Created);

        var item = (await EventStreams.ItemsAsync(follow, 1))[0];
        item.Json()["body"]!.GetValue<string>().Should().Be(text);
    }
}
