using System.Collections.Concurrent;

namespace Blog.Posts;

/// <summary>
/// Tells this instance's followers of a post (<see cref="FollowComments"/>) that a comment was just
/// stored there, so the page that follows it shows the comment at once instead of at its next poll.
/// Comments stored by another instance are not signalled here: followers poll the database too.
/// </summary>
public sealed class CommentFeed
{
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _waits = new();

    /// <summary>
    /// Completes when the next comment on <paramref name="postId"/> is stored on this instance. Take it
    /// before reading the comments: one stored in between completes it, so none waits for the poll.
    /// </summary>
    public Task WhenPosted(int postId) =>
        _waits.GetOrAdd(postId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Wakes the followers of <paramref name="postId"/>; called once the comment is committed.</summary>
    public void Posted(int postId)
    {
        if (_waits.TryRemove(postId, out var waiting))
        {
            waiting.TrySetResult();
        }
    }
}
