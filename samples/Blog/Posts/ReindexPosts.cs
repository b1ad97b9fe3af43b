using System.Globalization;
using System.Runtime.CompilerServices;
using Blog.Account;
using Blog.Data;
using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;

namespace Blog.Posts;

/// <summary>
/// Rebuilds every post's body (the text version 1 of GetPost, the MCP tools and the post page of a
/// post without sections read) from its sections, post by post, streaming its progress; editors
/// only. Its <c>done</c> event carries how many posts it looked at and how many it changed.
/// </summary>
[Action]
[Authorize(Roles = BlogUsers.Editor)]

// Logged: a cut stream resumes where it was, and a reconnect after the end answers 204.
[Streaming(Resume = StreamResume.Log)]
public sealed class ReindexPosts : IStreamRequest<ReindexProgress>
{
}

/// <summary>Where a reindex is: one post done.</summary>
/// <param name="Done">How many posts are done, this one included.</param>
/// <param name="Total">How many posts there are.</param>
/// <param name="PostId">The post just done.</param>
/// <param name="Changed">Whether its body differed from its sections and was rewritten.</param>
public sealed record ReindexProgress(int Done, int Total, int PostId, bool Changed) : IStreamCursor
{
    string IStreamCursor.Cursor => PostId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What a finished reindex did: its <c>done</c> event's value.</summary>
/// <param name="Posts">How many posts it looked at.</param>
/// <param name="Changed">How many bodies it rewrote (since the stream last resumed, when it was cut).</param>
public sealed record ReindexSummary(int Posts, int Changed);

/// <summary>
/// One short transaction per post, so comments and saves go on while it runs; a post whose body
/// changed is evicted from the output cache, as SavePost's revalidation would (a stream declares no
/// [Revalidates]: its answer is never whole).
/// </summary>
public sealed class ReindexPostsHandler(BlogDatabase database, IStreamContext stream, IOutputCacheStore cache) : IStreamRequestHandler<ReindexPosts, ReindexProgress>
{
    /// <inheritdoc />
    public async IAsyncEnumerable<ReindexProgress> Handle(ReindexPosts request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Resumed after a cut: the position is the last post reported, so the next one follows it.
        var after = int.TryParse(stream.ResumeAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : 0;
        var (ids, done) = Plan(after);
        var total = done + ids.Count;
        var changed = 0;
        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rewritten = Rebuild(id);
            if (rewritten)
            {
                changed++;
                await cache.EvictByTagAsync("post:" + id.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            }

            yield return new ReindexProgress(++done, total, id, rewritten);
        }

        stream.SetFinalValue(new ReindexSummary(total, changed));
    }

    /// <summary>The posts after <paramref name="after"/>, in order, and how many come before them.</summary>
    private (List<int> Ids, int Before) Plan(int after)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM posts ORDER BY id;";
        using var reader = command.ExecuteReader();
        var all = new List<int>();
        while (reader.Read())
        {
            all.Add(reader.GetInt32(0));
        }

        var before = all.Count(id => id <= after);
        return ([.. all.Skip(before)], before);
    }

    /// <summary>Writes the post's body from its sections when they differ; a post without sections keeps its own body.</summary>
    private bool Rebuild(int postId)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var sections = PostContents.Sections(connection, postId);
        if (sections.Count == 0)
        {
            return false;
        }

        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE posts SET body = $body WHERE id = $id AND body IS NOT $body;";
        update.Parameters.AddWithValue("$id", postId);

        // As SavePost writes it: the sections' text, in order.
        update.Parameters.AddWithValue("$body", string.Join("\n\n", sections.Select(s => s.Body)));
        var rewritten = update.ExecuteNonQuery() > 0;
        transaction.Commit();
        return rewritten;
    }
}
