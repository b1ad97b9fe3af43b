using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using MediatR;

namespace Hybrid.Actions.Tests;

// Every exposed request type of this assembly lives here: the scanner reads every type of the
// assembly each test host is given, so each must be valid and have a handler.

/// <summary>What the handlers did, per host: tests check that a refused request stored nothing.</summary>
public sealed class NoteStore
{
    private int _handlerCalls;

    public ConcurrentQueue<Note> Notes { get; } = new();

    public int HandlerCalls => Volatile.Read(ref _handlerCalls);

    public void Called() => Interlocked.Increment(ref _handlerCalls);
}

public sealed record Note(int Id, string Title, int Priority, bool Pinned, string? ColorCode, decimal? Weight);

public sealed record NoteCreated(int Id, string Title, int Priority, bool Pinned, string? ColorCode, decimal? Weight);

/// <summary>The main JSON/form action: fields of several kinds, DataAnnotations, a custom JSON name.</summary>
[Action]
public sealed class CreateNote : IRequest<NoteCreated>
{
    [Required]
    [StringLength(20)]
    public string Title { get; set; } = string.Empty;

    [Range(1, 5)]
    public int Priority { get; set; } = 1;

    public bool Pinned { get; set; }

    [JsonPropertyName("color_code")]
    [RegularExpression("^#[0-9a-f]{6}$")]
    public string? ColorCode { get; set; }

    public decimal? Weight { get; set; }
}

public sealed class CreateNoteHandler(NoteStore store) : IRequestHandler<CreateNote, NoteCreated>
{
    public Task<NoteCreated> Handle(CreateNote request, CancellationToken cancellationToken)
    {
        store.Called();
        var note = new Note(store.Notes.Count + 1, request.Title, request.Priority, request.Pinned, request.ColorCode, request.Weight);
        store.Notes.Enqueue(note);
        return Task.FromResult(new NoteCreated(note.Id, note.Title, note.Priority, note.Pinned, note.ColorCode, note.Weight));
    }
}

/// <summary>An action that returns nothing: 204.</summary>
[Action]
public sealed class ClearNotes : IRequest
{
    public bool Confirm { get; set; }
}

public sealed class ClearNotesHandler(NoteStore store) : IRequestHandler<ClearNotes>
{
    public Task Handle(ClearNotes request, CancellationToken cancellationToken)
    {
        store.Called();
        store.Notes.Clear();
        return Task.CompletedTask;
    }
}

/// <summary>An action whose id is not its type name.</summary>
[Action("custom-id", Summary = "Counts the notes.")]
public sealed class CountNotes : IRequest<int>
{
}

public sealed class CountNotesHandler(NoteStore store) : IRequestHandler<CountNotes, int>
{
    public Task<int> Handle(CountNotes request, CancellationToken cancellationToken)
    {
        store.Called();
        return Task.FromResult(store.Notes.Count);
    }
}

/// <summary>Not exposed by attributes: tests expose it in code with Expose&lt;T&gt;(b => b.AsAction(...)).</summary>
public sealed class Ping : IRequest<string>
{
    public string? Message { get; set; }
}

public sealed class PingHandler(NoteStore store) : IRequestHandler<Ping, string>
{
    public Task<string> Handle(Ping request, CancellationToken cancellationToken)
    {
        store.Called();
        return Task.FromResult("pong " + request.Message);
    }
}

/// <summary>On the REST door only: the action door and its document must not show it.</summary>
[RestGet("notes")]
public sealed class ListNotes : IRequest<List<Note>>
{
}

public sealed class ListNotesHandler(NoteStore store) : IRequestHandler<ListNotes, List<Note>>
{
    public Task<List<Note>> Handle(ListNotes request, CancellationToken cancellationToken) =>
        Task.FromResult(store.Notes.ToList());
}

/// <summary>Requires an antiforgery token by attribute; exposed in code only.</summary>
[RequiresAntiforgeryToken]
public sealed class GuardedPing : IRequest<string>;

public sealed class GuardedPingHandler(NoteStore store) : IRequestHandler<GuardedPing, string>
{
    public Task<string> Handle(GuardedPing request, CancellationToken cancellationToken)
    {
        store.Called();
        return Task.FromResult("guarded pong");
    }
}
