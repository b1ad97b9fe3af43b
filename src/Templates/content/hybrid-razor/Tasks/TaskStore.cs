using System.Collections.Concurrent;

namespace HybridApp.Tasks;

/// <summary>The tasks, in memory: they last as long as the process. Replace it with a database.</summary>
public sealed class TaskStore
{
    private readonly ConcurrentDictionary<int, TaskItem> _tasks = new();
    private int _lastId;

    public TaskItem Add(string title)
    {
        var task = new TaskItem(Interlocked.Increment(ref _lastId), title);
        _tasks[task.Id] = task;
        return task;
    }

    public TaskItem? Find(int id) => _tasks.GetValueOrDefault(id);

    public IReadOnlyList<TaskItem> All() => [.. _tasks.Values.OrderBy(t => t.Id)];
}
