using System.ComponentModel.DataAnnotations;
using MediatR;

// A task board as it grows, one namespace a stage, each stage one change the contract gate allows on top
// of the one before: the C# client generated from the baseline's document must keep working with every
// stage. Each host is given exactly one stage's types.

namespace Hybrid.Clients.Tests.CSharp
{
    /// <summary>A line of a note.</summary>
    public sealed record NoteLine(string Text, int Order);

    /// <summary>A file with a note: a form, as only a form carries a file, in every stage alike.</summary>
    [RestPost("tasks/{taskId}/attachments")]
    public sealed class AttachFile : IRequest<AttachedFile>
    {
        public int TaskId { get; set; }

        [Required]
        public string Caption { get; set; } = string.Empty;

        public DateOnly Day { get; set; } = new(2027, 1, 1);

        public TimeOnly? At { get; set; }

        public DateTimeOffset? When { get; set; }

        public decimal? Amount { get; set; }

        public List<string> Tags { get; set; } = [];

        public List<NoteLine> Lines { get; set; } = [];

        public HybridFile? File { get; set; }
    }

    /// <summary>What the handler read, with the file's name and length.</summary>
    public sealed record AttachedFile(int TaskId, string Caption, DateOnly Day, TimeOnly? At, DateTimeOffset? When, decimal? Amount, IReadOnlyList<string> Tags, IReadOnlyList<NoteLine> Lines, string? FileName, long Length);

    public sealed class AttachFileHandler : IRequestHandler<AttachFile, AttachedFile>
    {
        public Task<AttachedFile> Handle(AttachFile request, CancellationToken cancellationToken) =>
            Task.FromResult(new AttachedFile(request.TaskId, request.Caption, request.Day, request.At, request.When, request.Amount, request.Tags, request.Lines, request.File?.FileName, request.File?.Length ?? -1));
    }
}

namespace Hybrid.Clients.Tests.CSharp.Baseline
{
    public enum Priority
    {
        Low,
        High,
    }

    /// <summary>A task on the board.</summary>
    public sealed record TaskView(int Id, string Title, Priority Priority, DateOnly Due, int Estimate, string? Notes);

    /// <summary>Adds a task; everything but the title may be left out.</summary>
    [RestPost("tasks")]
    public sealed class CreateTask : IRequest<TaskView>
    {
        [Required]
        public string Title { get; set; } = string.Empty;

        public Priority Priority { get; set; } = Priority.Low;

        public DateOnly Due { get; set; } = new(2027, 1, 1);

        public int Estimate { get; set; } = 1;

        public string? Notes { get; set; }
    }

    /// <summary>One task.</summary>
    [RestGet("tasks/{id}")]
    [ProducesProblem(404, "task_not_found", Description = "No task has this id.")]
    public sealed class GetTask : IRequest<TaskView>
    {
        public int Id { get; set; }
    }

    /// <summary>Every task.</summary>
    [RestGet("tasks")]
    public sealed class ListTasks : IRequest<IReadOnlyList<TaskView>>;

    public sealed class CreateTaskHandler : IRequestHandler<CreateTask, TaskView>
    {
        public Task<TaskView> Handle(CreateTask request, CancellationToken cancellationToken) =>
            Task.FromResult(new TaskView(100, request.Title, request.Priority, request.Due, request.Estimate, request.Notes));
    }

    public sealed class GetTaskHandler : IRequestHandler<GetTask, TaskView>
    {
        public Task<TaskView> Handle(GetTask request, CancellationToken cancellationToken) =>
            Task.FromResult(ListTasksHandler.Tasks.SingleOrDefault(t => t.Id == request.Id) ?? throw new NotFoundException("No task has this id.", "task_not_found"));
    }

    public sealed class ListTasksHandler : IRequestHandler<ListTasks, IReadOnlyList<TaskView>>
    {
        public static readonly TaskView[] Tasks =
        [
            new(1, "Write the spec", Priority.High, new(2027, 2, 1), 3, null),
            new(2, "Review it", Priority.Low, new(2027, 2, 8), 1, "after the spec"),
        ];

        public Task<IReadOnlyList<TaskView>> Handle(ListTasks request, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<TaskView>>(Tasks);
    }

    public static class Stage
    {
        public static readonly Type[] Types = [typeof(CreateTask), typeof(CreateTaskHandler), typeof(GetTask), typeof(GetTaskHandler), typeof(ListTasks), typeof(ListTasksHandler), typeof(AttachFile), typeof(AttachFileHandler), typeof(FollowTasks), typeof(FollowTasksHandler)];
    }
}

namespace Hybrid.Clients.Tests.CSharp.WithNewEnumValue
{
    /// <summary>Urgent is new: a client built before it reads it without knowing it.</summary>
    public enum Priority
    {
        Low,
        High,
        Urgent,
    }

    public sealed record TaskView(int Id, string Title, Priority Priority, DateOnly Due, int Estimate, string? Notes);

    [RestPost("tasks")]
    public sealed class CreateTask : IRequest<TaskView>
    {
        [Required]
        public string Title { get; set; } = string.Empty;

        public Priority Priority { get; set; } = Priority.Low;

        public DateOnly Due { get; set; } = new(2027, 1, 1);

        public int Estimate { get; set; } = 1;

        public string? Notes { get; set; }
    }

    [RestGet("tasks/{id}")]
    [ProducesProblem(404, "task_not_found", Description = "No task has this id.")]
    public sealed class GetTask : IRequest<TaskView>
    {
        public int Id { get; set; }
    }

    [RestGet("tasks")]
    public sealed class ListTasks : IRequest<IReadOnlyList<TaskView>>;

    public sealed class CreateTaskHandler : IRequestHandler<CreateTask, TaskView>
    {
        public Task<TaskView> Handle(CreateTask request, CancellationToken cancellationToken) =>
            Task.FromResult(new TaskView(100, request.Title, request.Priority, request.Due, request.Estimate, request.Notes));
    }

    public sealed class GetTaskHandler : IRequestHandler<GetTask, TaskView>
    {
        public Task<TaskView> Handle(GetTask request, CancellationToken cancellationToken) =>
            Task.FromResult(ListTasksHandler.Tasks.SingleOrDefault(t => t.Id == request.Id) ?? throw new NotFoundException("No task has this id.", "task_not_found"));
    }

    public sealed class ListTasksHandler : IRequestHandler<ListTasks, IReadOnlyList<TaskView>>
    {
        public static readonly TaskView[] Tasks =
        [
            new(1, "Write the spec", Priority.High, new(2027, 2, 1), 3, null),
            new(2, "Review it", Priority.Low, new(2027, 2, 8), 1, "after the spec"),
            new(3, "Fix the outage", Priority.Urgent, new(2027, 1, 2), 2, null),
        ];

        public Task<IReadOnlyList<TaskView>> Handle(ListTasks request, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<TaskView>>(Tasks);
    }

    public static class Stage
    {
        public static readonly Type[] Types = [typeof(CreateTask), typeof(CreateTaskHandler), typeof(GetTask), typeof(GetTaskHandler), typeof(ListTasks), typeof(ListTasksHandler), typeof(AttachFile), typeof(AttachFileHandler), typeof(FollowTasks), typeof(FollowTasksHandler)];
    }
}

namespace Hybrid.Clients.Tests.CSharp.WithNewOptionalProperty
{
    using Hybrid.Clients.Tests.CSharp.WithNewEnumValue;

    /// <summary>Owner is new, in the answer and as an optional request member.</summary>
    public sealed record TaskView(int Id, string Title, Priority Priority, DateOnly Due, int Estimate, string? Notes, string? Owner);

    [RestPost("tasks")]
    public sealed class CreateTask : IRequest<TaskView>
    {
        [Required]
        public string Title { get; set; } = string.Empty;

        public Priority Priority { get; set; } = Priority.Low;

        public DateOnly Due { get; set; } = new(2027, 1, 1);

        public int Estimate { get; set; } = 1;

        public string? Notes { get; set; }

        public string Owner { get; set; } = "nobody";
    }

    [RestGet("tasks/{id}")]
    [ProducesProblem(404, "task_not_found", Description = "No task has this id.")]
    public sealed class GetTask : IRequest<TaskView>
    {
        public int Id { get; set; }
    }

    [RestGet("tasks")]
    public sealed class ListTasks : IRequest<IReadOnlyList<TaskView>>;

    public sealed class CreateTaskHandler : IRequestHandler<CreateTask, TaskView>
    {
        public Task<TaskView> Handle(CreateTask request, CancellationToken cancellationToken) =>
            Task.FromResult(new TaskView(100, request.Title, request.Priority, request.Due, request.Estimate, request.Notes, request.Owner));
    }

    public sealed class GetTaskHandler : IRequestHandler<GetTask, TaskView>
    {
        public Task<TaskView> Handle(GetTask request, CancellationToken cancellationToken) =>
            Task.FromResult(ListTasksHandler.Tasks.SingleOrDefault(t => t.Id == request.Id) ?? throw new NotFoundException("No task has this id.", "task_not_found"));
    }

    public sealed class ListTasksHandler : IRequestHandler<ListTasks, IReadOnlyList<TaskView>>
    {
        public static readonly TaskView[] Tasks =
        [
            new(1, "Write the spec", Priority.High, new(2027, 2, 1), 3, null, "ana"),
            new(2, "Review it", Priority.Low, new(2027, 2, 8), 1, "after the spec", null),
            new(3, "Fix the outage", Priority.Urgent, new(2027, 1, 2), 2, null, "ben"),
        ];

        public Task<IReadOnlyList<TaskView>> Handle(ListTasks request, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<TaskView>>(Tasks);
    }

    public static class Stage
    {
        public static readonly Type[] Types = [typeof(CreateTask), typeof(CreateTaskHandler), typeof(GetTask), typeof(GetTaskHandler), typeof(ListTasks), typeof(ListTasksHandler), typeof(AttachFile), typeof(AttachFileHandler), typeof(FollowTasks), typeof(FollowTasksHandler)];
    }
}

namespace Hybrid.Clients.Tests.CSharp.WithNewProblemCode
{
    using Hybrid.Clients.Tests.CSharp.WithNewOptionalProperty;

    /// <summary>task_archived is a new code of the 404 the baseline declared with task_not_found alone.</summary>
    [RestGet("tasks/{id}")]
    [ProducesProblem(404, "task_not_found", Description = "No task has this id.")]
    [ProducesProblem(404, "task_archived", Description = "The task was archived.")]
    public sealed class GetTask : IRequest<TaskView>
    {
        public int Id { get; set; }
    }

    public sealed class GetTaskHandler : IRequestHandler<GetTask, TaskView>
    {
        public Task<TaskView> Handle(GetTask request, CancellationToken cancellationToken) =>
            request.Id == 410
                ? throw new NotFoundException("The task was archived.", "task_archived")
                : Task.FromResult(ListTasksHandler.Tasks.SingleOrDefault(t => t.Id == request.Id) ?? throw new NotFoundException("No task has this id.", "task_not_found"));
    }

    public static class Stage
    {
        public static readonly Type[] Types = [typeof(CreateTask), typeof(CreateTaskHandler), typeof(GetTask), typeof(GetTaskHandler), typeof(ListTasks), typeof(ListTasksHandler), typeof(AttachFile), typeof(AttachFileHandler), typeof(FollowTasks), typeof(FollowTasksHandler)];
    }
}

namespace Hybrid.Clients.Tests.CSharp.WithNewOperation
{
    using Hybrid.Clients.Tests.CSharp.WithNewOptionalProperty;

    /// <summary>A new operation the baseline's client does not have.</summary>
    [RestPost("tasks/{id}/archive")]
    public sealed class ArchiveTask : IRequest<TaskView>
    {
        public int Id { get; set; }
    }

    public sealed class ArchiveTaskHandler : IRequestHandler<ArchiveTask, TaskView>
    {
        public Task<TaskView> Handle(ArchiveTask request, CancellationToken cancellationToken) =>
            Task.FromResult(ListTasksHandler.Tasks.Single(t => t.Id == request.Id));
    }

    public static class Stage
    {
        public static readonly Type[] Types = [.. WithNewProblemCode.Stage.Types, typeof(ArchiveTask), typeof(ArchiveTaskHandler)];
    }
}
