using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace HybridApp.Tasks;

/// <summary>Reads one task: where the 201 of <see cref="AddTask"/> points.</summary>
[RestGet("tasks/{id}")]                                    // GET /api/v1/tasks/{id}
[ProducesProblem(404, "task_not_found")]                   // a typed error in the generated clients
[AllowAnonymous]                                           // anyone may call it; [Authorize(...)] restricts it
public sealed class GetTask : IRequest<TaskItem>
{
    public int Id { get; set; }
}

public sealed class GetTaskHandler(TaskStore store) : IRequestHandler<GetTask, TaskItem>
{
    public Task<TaskItem> Handle(GetTask request, CancellationToken cancellationToken) =>
        Task.FromResult(store.Find(request.Id) ?? throw new NotFoundException($"There is no task {request.Id}.", "task_not_found"));
}
