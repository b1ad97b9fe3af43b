using System.Globalization;
using System.Runtime.CompilerServices;
using Blog.Data;
using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Blog.Posts;

/// <summary>
/// A post's new comments as they are posted, as an event stream that does not end: the post page's
/// live list and the mobile app. It starts after the newest comment (what a reader already has); a
/// client that reconnects with <c>Last-Event-ID</c> (a comment's id) gets every comment after that one.
/// </summary>
[Action]
[RestGet("posts/{postId}/comments/live", Summary = "Follows a post's new comments as they are posted (an event stream; resume with Last-Event-ID).")]
[ProducesProblem(404, "post_not_found", Description = "No post has this id.")]
[AllowAnonymous]
[Streaming(Resume = StreamResume.Replay)]

// A stream is never whole: the app's 30 s request timeout would cut it; [Streaming]'s maximum duration bounds it instead.
public sealed class FollowComments : IStreamRequest<LiveComment>
{
    /// <summary>The post to follow.</summary>
    public int PostId { get; set; }
}

/// <summary>A comment as a post's page shows it; its id is its event id, so a reconnect continues after it.</summary>
/// <param name="Id">The comment's id.</param>
/// <param name="PostId">The post it belongs to.</param>
/// <param name="AuthorName">The name it is signed with.</param>
/// <param name="Body">Its text.</param>
/// <param name="CreatedAt">When it was posted.</param>
public sealed record LiveComment(int Id, int PostId, string AuthorName, string Body, DateTimeOffset CreatedAt) : IStreamCursor
{
    string IStreamCursor.Cursor => Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Reads the post's comments newer than the last one sent, by the <c>(post_id, id)</c> index, so each
/// look costs one index seek. It looks when <see cref="CommentFeed"/> says this instance stored a
/// comment there (at once), and every second anyway: instances that share the database (scale-out)
/// store comments this one is not told about, and a second is as late as a comment may appear.
/// </summary>
public sealed class FollowCommentsHandler(BlogDatabase database, CommentFeed feed, IStreamContext stream, TimeProvider clock) : IStreamRequestHandler<FollowComments, LiveComment>
{
    private const int Batch = 100;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public async IAsyncEnumerable<LiveComment> Handle(FollowComments request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = Start(request.PostId, stream.ResumeAfter);
        while (true)
        {
            var posted = feed.WhenPosted(request.PostId);
            var newer = Newer(request.PostId, after);
            foreach (var comment in newer)
            {
                after = comment.Id;
                yield return comment;
            }

            if (newer.Count < Batch)
            {
                await Task.WhenAny(posted, Task.Delay(Poll, clock, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>The id the stream continues after: the client's, or else the post's newest comment (0 for none).</summary>
    private int Start(int postId, string? resumeAfter)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT 1 FROM posts WHERE id = $id), (SELECT MAX(id) FROM comments WHERE post_id = $id);";
        command.Parameters.AddWithValue("$id", postId);
        using var reader = command.ExecuteReader();
        reader.Read();
        if (reader.IsDBNull(0))
        {
            throw new NotFoundException($"Post {postId} does not exist.", "post_not_found");
        }

        if (resumeAfter is null)
        {
            return reader.IsDBNull(1) ? 0 : reader.GetInt32(1);
        }

        // The position comes from the client: anything but a comment id is a position this stream never gave.
        return int.TryParse(resumeAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new StreamResetException("The position is not a comment id; follow the post again.");
    }

    private List<LiveComment> Newer(int postId, int after)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, author, body, created_at FROM comments WHERE post_id = $post AND id > $after ORDER BY id LIMIT $take;";
        command.Parameters.AddWithValue("$post", postId);
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$take", Batch);
        using var reader = command.ExecuteReader();
        var comments = new List<LiveComment>();
        while (reader.Read())
        {
            comments.Add(new LiveComment(reader.GetInt32(0), postId, reader.GetString(1), reader.GetString(2), DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture)));
        }

        return comments;
    }
}
