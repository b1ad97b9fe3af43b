using System.Globalization;
using System.Runtime.CompilerServices;
using MediatR;

namespace Hybrid.Streaming.Tests.Documented;

// The example of docs/streaming.md, as it shows it (DocumentedExampleTests checks the two agree).
/// <summary>The new comments of a post, as they are written.</summary>
[Action]                                                   // the action FollowComments
[RestGet("posts/{postId}/comments/live")]                  // GET /api/v1/posts/{postId}/comments/live
[Streaming(Resume = StreamResume.Replay)]
public sealed record FollowComments(int PostId) : IStreamRequest<CommentView>;

public sealed record CommentView(int Id, string AuthorName, string Body) : IStreamCursor
{
    string IStreamCursor.Cursor => Id.ToString(CultureInfo.InvariantCulture);   // the event id
}

public sealed class FollowCommentsHandler(BlogDb db, IStreamContext stream) : IStreamRequestHandler<FollowComments, CommentView>
{
    public async IAsyncEnumerable<CommentView> Handle(FollowComments request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = stream.ResumeAfter is { } id ? int.Parse(id, CultureInfo.InvariantCulture) : await db.LastCommentIdAsync(request.PostId, cancellationToken);
        while (true)
        {
            foreach (var comment in await db.CommentsAfterAsync(request.PostId, after, cancellationToken))
            {
                after = comment.Id;
                yield return comment;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }
}

/// <summary>The example's store: comments in memory, in the order they were written.</summary>
public sealed class BlogDb
{
    private readonly List<CommentView> _comments = [];
    private readonly Dictionary<int, int> _posts = [];

    public void Add(int postId, CommentView comment)
    {
        lock (_comments)
        {
            _comments.Add(comment);
            _posts[comment.Id] = postId;
        }
    }

    public Task<int> LastCommentIdAsync(int postId, CancellationToken cancellationToken)
    {
        lock (_comments)
        {
            return Task.FromResult(_comments.Where(c => _posts[c.Id] == postId).Select(c => c.Id).DefaultIfEmpty(0).Max());
        }
    }

    public Task<List<CommentView>> CommentsAfterAsync(int postId, int after, CancellationToken cancellationToken)
    {
        lock (_comments)
        {
            return Task.FromResult(_comments.Where(c => _posts[c.Id] == postId && c.Id > after).ToList());
        }
    }
}
