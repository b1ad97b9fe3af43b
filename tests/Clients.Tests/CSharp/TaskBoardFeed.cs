using System.Runtime.CompilerServices;
using MediatR;

namespace Hybrid.Clients.Tests.CSharp;

/// <summary>What changes on the board, as it changes: a stream in every stage, whose C# method docs/clients.md shows.</summary>
[RestGet("tasks/changes")]
public sealed class FollowTasks : IStreamRequest<TaskChange>;

/// <summary>One change of a task.</summary>
public sealed record TaskChange(int TaskId, string What);

public sealed class FollowTasksHandler : IStreamRequestHandler<FollowTasks, TaskChange>
{
    public async IAsyncEnumerable<TaskChange> Handle(FollowTasks request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new TaskChange(1, "created");
        await Task.Yield();
        yield return new TaskChange(1, "done");
    }
}
