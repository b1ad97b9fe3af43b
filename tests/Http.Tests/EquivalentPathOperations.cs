using System.Collections.Concurrent;
using MediatR;

namespace Hybrid.Http.Tests;

/// <summary>A task board whose operations spell one path's placeholder differently; exposed in code only, per test.</summary>
public sealed record BoardTask(int Id, string Title);

public sealed class TaskBoard
{
    public ConcurrentDictionary<int, string> Tasks { get; } = new(new Dictionary<int, string> { [5] = "five", [6] = "six" });
}

public sealed class ReadTask : IRequest<BoardTask>
{
    public int TaskId { get; set; }
}

public sealed class ReadTaskHandler(TaskBoard board) : IRequestHandler<ReadTask, BoardTask>
{
    public Task<BoardTask> Handle(ReadTask request, CancellationToken cancellationToken) =>
        Task.FromResult(new BoardTask(request.TaskId, board.Tasks.GetValueOrDefault(request.TaskId) ?? throw new NotFoundException("No such task.")));
}

public sealed class DropTask : IRequest<BoardTask>
{
    public int Id { get; set; }
}

public sealed class DropTaskHandler(TaskBoard board) : IRequestHandler<DropTask, BoardTask>
{
    public Task<BoardTask> Handle(DropTask request, CancellationToken cancellationToken) =>
        Task.FromResult(new BoardTask(request.Id, board.Tasks.TryRemove(request.Id, out var title) ? title : throw new NotFoundException("No such task.")));
}
