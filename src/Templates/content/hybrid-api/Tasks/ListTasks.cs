using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace HybridApp.Tasks;

/// <summary>Lists every task, oldest first.</summary>
[Action]                                                   // POST /_actions/ListTasks
[RestGet("tasks")]                                         // GET  /api/v1/tasks
[AllowAnonymous]                                           // anyone may call it; [Authorize(...)] restricts it
public sealed class ListTasks : IRequest<IReadOnlyList<TaskItem>>
{
}

public sealed class ListTasksHandler(TaskStore store) : IRequestHandler<ListTasks, IReadOnlyList<TaskItem>>
{
    public Task<IReadOnlyList<TaskItem>> Handle(ListTasks request, CancellationToken cancellationToken) =>
        Task.FromResult(store.All());
}
