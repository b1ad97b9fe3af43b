using System.Runtime.CompilerServices;
using MediatR;

namespace Hybrid.Actions.Tests;

// Stream operations for the document tests, exposed in code by StreamDocumentTests only (no door attribute),
// so the hosts that scan this whole assembly never see them.

/// <summary>Follows a board's new notes as they are added.</summary>
[Streaming(Resume = StreamResume.Replay, HeartbeatSeconds = 5)]
public sealed record FollowBoardNotes(int BoardId) : IStreamRequest<BoardNote>;

/// <summary>A note of a board.</summary>
public sealed record BoardNote(int Id, string Text);

public sealed class FollowBoardNotesHandler : IStreamRequestHandler<FollowBoardNotes, BoardNote>
{
    public async IAsyncEnumerable<BoardNote> Handle(FollowBoardNotes request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return new BoardNote(1, "first");
    }
}

/// <summary>Counts up to a number, one item each.</summary>
public sealed record CountBoardNotes(int Upto) : IStreamRequest<int>;

public sealed class CountBoardNotesHandler : IStreamRequestHandler<CountBoardNotes, int>
{
    public async IAsyncEnumerable<int> Handle(CountBoardNotes request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var n = 1; n <= request.Upto; n++)
        {
            await Task.Yield();
            yield return n;
        }
    }
}

/// <summary>Shows a board: an operation answered once, beside the streams.</summary>
public sealed record ShowBoard(int BoardId) : IRequest<BoardNote>;

public sealed class ShowBoardHandler : IRequestHandler<ShowBoard, BoardNote>
{
    public Task<BoardNote> Handle(ShowBoard request, CancellationToken cancellationToken) => Task.FromResult(new BoardNote(request.BoardId, "board"));
}
