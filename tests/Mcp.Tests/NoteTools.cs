using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace Hybrid.Mcp.Tests;

/// <summary>A note kept by the test app.</summary>
/// <param name="Id">The note's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Priority">From 1 (most urgent) to 5.</param>
/// <param name="Tags">Words it is filed under.</param>
public sealed record Note(int Id, string Title, int Priority, IReadOnlyList<NoteTag> Tags);

/// <summary>A word a note is filed under.</summary>
/// <param name="Name">The word.</param>
public sealed record NoteTag(string Name);

/// <summary>Adds a note.</summary>
[McpTool(Title = "Add a note")]
[Action]
[RestPost("notes")]
[AllowAnonymous]
[Idempotent]
[Revalidates("notes")]
public sealed class AddNote : IRequest<Note>
{
    /// <summary>What the note is about.</summary>
    [Required]
    [StringLength(10)]
    public string Title { get; set; } = string.Empty;

    /// <summary>How urgent it is.</summary>
    [Range(1, 5)]
    public int Priority { get; set; } = 3;

    /// <summary>Words to file it under.</summary>
    public List<NoteTag> Tags { get; set; } = [];

    /// <summary>Who asked for it, when anyone did.</summary>
    public string? Requester { get; set; }
}

public sealed class AddNoteHandler(NoteStore store) : IRequestHandler<AddNote, Note>
{
    public Task<Note> Handle(AddNote request, CancellationToken cancellationToken)
    {
        var note = new Note(store.NextId(), request.Title, request.Priority, request.Tags);
        store.Notes.Enqueue(note);
        return Task.FromResult(note);
    }
}

/// <summary>Lists every note.</summary>
[McpTool]
[RestGet("notes")]
[AllowAnonymous]
public sealed class ListNotes : IRequest<IReadOnlyList<Note>>;

public sealed class ListNotesHandler(NoteStore store) : IRequestHandler<ListNotes, IReadOnlyList<Note>>
{
    public Task<IReadOnlyList<Note>> Handle(ListNotes request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Note>>([.. store.Notes]);
}

/// <summary>One note.</summary>
[McpTool]
[RestGet("notes/{id}")]
[AllowAnonymous]
[ProducesProblem(404, "note_not_found")]
public sealed class GetNote : IRequest<Note>
{
    /// <summary>The note's id.</summary>
    public int Id { get; set; }
}

public sealed class GetNoteHandler(NoteStore store) : IRequestHandler<GetNote, Note>
{
    public Task<Note> Handle(GetNote request, CancellationToken cancellationToken) =>
        store.Notes.FirstOrDefault(n => n.Id == request.Id) is { } note
            ? Task.FromResult(note)
            : throw new NotFoundException($"There is no note {request.Id}.", "note_not_found");
}

/// <summary>Deletes a note; administrators only.</summary>
[McpTool(Name = "notes.delete")]
[RestDelete("notes/{id}")]
[Authorize(Roles = "admin")]
public sealed class DeleteNote : IRequest
{
    /// <summary>The note's id.</summary>
    public int Id { get; set; }
}

public sealed class DeleteNoteHandler : IRequestHandler<DeleteNote>
{
    public Task Handle(DeleteNote request, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Who the caller is; a tool only, for signed-in callers.</summary>
[McpTool]
[Authorize]
public sealed class WhoAmI : IRequest<string>;

public sealed class WhoAmIHandler(Microsoft.AspNetCore.Http.IHttpContextAccessor accessor) : IRequestHandler<WhoAmI, string>
{
    public Task<string> Handle(WhoAmI request, CancellationToken cancellationToken) =>
        Task.FromResult(accessor.HttpContext!.User.Identity!.Name!);
}

/// <summary>Waits until it is cancelled.</summary>
[McpTool]
[AllowAnonymous]
public sealed class WaitForCancel : IRequest<int>;

public sealed class WaitForCancelHandler(NoteStore store) : IRequestHandler<WaitForCancel, int>
{
    public async Task<int> Handle(WaitForCancel request, CancellationToken cancellationToken)
    {
        store.Started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
        finally
        {
            store.Finished.TrySetResult(cancellationToken.IsCancellationRequested);
        }
    }
}

/// <summary>Counts; once a minute per caller.</summary>
[McpTool]
[AllowAnonymous]
[EnableRateLimiting(NoteStore.OncePolicy)]
public sealed class CountOnce : IRequest<int>;

public sealed class CountOnceHandler(NoteStore store) : IRequestHandler<CountOnce, int>
{
    public Task<int> Handle(CountOnce request, CancellationToken cancellationToken) => Task.FromResult(store.Count());
}

/// <summary>Runs past its time limit.</summary>
[McpTool]
[AllowAnonymous]
[Microsoft.AspNetCore.Http.Timeouts.RequestTimeout(200)]
public sealed class TakeTooLong : IRequest<int>;

public sealed class TakeTooLongHandler : IRequestHandler<TakeTooLong, int>
{
    public async Task<int> Handle(TakeTooLong request, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
        return 1;
    }
}

/// <summary>What the test app keeps, and what its handlers tell the tests.</summary>
public sealed class NoteStore
{
    public const string OncePolicy = "once";

    private int _lastId;
    private int _counted;

    public int NextId() => Interlocked.Increment(ref _lastId);

    public int Count() => Interlocked.Increment(ref _counted);

    public int Counted => Volatile.Read(ref _counted);

    public System.Collections.Concurrent.ConcurrentQueue<Note> Notes { get; } = new();

    /// <summary>The tags the app's output cache was asked to evict.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Evicted { get; } = new();

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<bool> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>An output cache store that records what a mutation evicts.</summary>
public sealed class RecordingCacheStore(NoteStore store) : Microsoft.AspNetCore.OutputCaching.IOutputCacheStore
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        store.Evicted.Enqueue(tag);
        return ValueTask.CompletedTask;
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
