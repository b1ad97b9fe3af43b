using System.ComponentModel.DataAnnotations;
using Hybrid;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace HybridApp.Tasks;

/// <summary>Adds a task.</summary>
[Action]                                                   // POST /_actions/AddTask (the app's own UI, the actions client)
[RestPost("tasks", Location = "tasks/{id}")]               // POST /api/v1/tasks -> 201 Created + Location
[AllowAnonymous]                                           // anyone may call it; [Authorize(...)] restricts it
public sealed class AddTask : IRequest<TaskItem>
{
    /// <summary>What is to be done.</summary>
    [Required, StringLength(200)]
    public string Title { get; set; } = "";
}

public sealed class AddTaskHandler(TaskStore store) : IRequestHandler<AddTask, TaskItem>
{
    public Task<TaskItem> Handle(AddTask request, CancellationToken cancellationToken) =>
        Task.FromResult(store.Add(request.Title.Trim()));
}
