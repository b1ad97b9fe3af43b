using Tasks.Clients.V1;

namespace Callers;

/// <summary>
/// What a .NET app does with the task board's C# client, generated from the baseline document; the tests
/// run each against a server at every later stage. Each answers one line the tests read.
/// </summary>
public static class TaskBoardCaller
{
    /// <summary>Only the title: the optional priority, date, number and note are left out, and the server's own defaults apply.</summary>
    public static async Task<string> CreateWithDefaults(HttpClient http)
    {
        var created = await new TasksV1Client(http).CreateTaskAsync(new CreateTask { Title = "x" });
        return $"{created.Title} {created.Priority} {created.Due:yyyy-MM-dd} {created.Estimate} {created.Notes ?? "null"}";
    }

    /// <summary>Every member set.</summary>
    public static async Task<string> CreateWithValues(HttpClient http)
    {
        var created = await new TasksV1Client(http).CreateTaskAsync(new CreateTask
        {
            Title = "y",
            Priority = Priority.High,
            Due = new DateOnly(2027, 3, 1),
            Estimate = 5,
            Notes = "n",
        });
        return $"{created.Title} {created.Priority} {created.Due:yyyy-MM-dd} {created.Estimate} {created.Notes ?? "null"}";
    }

    /// <summary>Every task, with whether the client knows each priority.</summary>
    public static async Task<string> List(HttpClient http)
    {
        var tasks = await new TasksV1Client(http).ListTasksAsync();
        return string.Join("; ", tasks.Select(t => $"{t.Id} {t.Title} {t.Priority}{(t.Priority.IsKnown ? "" : " (unknown)")}"));
    }

    /// <summary>Reads a task and sends its priority back as it came, known or not.</summary>
    public static async Task<string> CopyPriority(HttpClient http, int id)
    {
        var client = new TasksV1Client(http);
        var task = await client.GetTaskAsync(id);
        var copy = await client.CreateTaskAsync(new CreateTask { Title = "copy", Priority = task.Priority });
        return $"{copy.Priority} {copy.Priority == task.Priority} {copy.Priority == Priority.High}";
    }

    /// <summary>A 404's problem and its code, known or not.</summary>
    public static async Task<string> Missing(HttpClient http, int id)
    {
        try
        {
            await new TasksV1Client(http).GetTaskAsync(id);
            return "found";
        }
        catch (ApiException<TaskNotFoundProblem> e)
        {
            var known = e.Result.Code == TaskNotFoundProblemCode.TaskNotFound ? "task_not_found" : e.Result.Code.IsKnown ? "another known code" : "unknown";
            return $"{e.StatusCode} {e.Result.Code} {known} {e.Result.Detail}";
        }
    }

    /// <summary>A conditional GET: the value with its ETag, then NotModified with that ETag.</summary>
    public static async Task<string> Conditional(HttpClient http)
    {
        var client = new TasksV1Client(http);
        var first = await client.GetTaskIfChangedAsync(1, ifNoneMatch: null);
        var second = await client.GetTaskIfChangedAsync(1, first.ETag);
        var other = await client.GetTaskIfChangedAsync(2, first.ETag);
        return $"{first.NotModified} {first.Value.Title} {first.ETag?.StartsWith('"')} | {second.NotModified} {second.ETag == first.ETag} {second.TryGetValue(out _)} | {other.NotModified} {other.Value.Title}";
    }

    /// <summary>The same client with a token that changes between calls, then with none.</summary>
    public static async Task<string> Tokens(HttpClient http)
    {
        string? token = "one";
        var client = new TasksV1Client(http).WithToken(() => token);
        await client.GetTaskAsync(1);
        token = "two";
        await client.GetTaskAsync(1);
        token = null;
        await client.GetTaskAsync(1);
        var asked = new TasksV1Client(http).WithToken(async cancellationToken =>
        {
            await Task.Yield();
            return "three";
        });
        await asked.ListTasksAsync();
        return "done";
    }

    /// <summary>A form with a file: dates, a time, a number, a list of values and a list of objects, as the server reads them.</summary>
    public static async Task<string> Attach(HttpClient http)
    {
        using var data = new MemoryStream("hello"u8.ToArray());
        var attached = await new TasksV1Client(http).AttachFileAsync(
            7,
            caption: "minutes",
            day: new DateOnly(2027, 3, 1),
            at: new TimeOnly(13, 45, 30),
            when: new DateTimeOffset(2027, 3, 1, 9, 30, 0, TimeSpan.FromHours(2)),
            amount: 12.5m,
            tags: ["a", "b"],
            lines: [new NoteLine { Text = "first", Order = 1 }, new NoteLine { Text = "second", Order = 2 }],
            file: new FileParameter(data, "notes.txt", "text/plain"));
        return $"{attached.TaskId} {attached.Caption} {attached.Day:yyyy-MM-dd} {attached.At:HH:mm:ss} {attached.When:O} {attached.Amount} "
            + $"{string.Join(",", attached.Tags)} {string.Join(",", attached.Lines.Select(l => l.Text + l.Order))} {attached.FileName} {attached.Length}";
    }

    /// <summary>The same form with only what is required.</summary>
    public static async Task<string> AttachCaption(HttpClient http)
    {
        var attached = await new TasksV1Client(http).AttachFileAsync(7, caption: "bare");
        return $"{attached.Caption} {attached.Day:yyyy-MM-dd} {attached.At?.ToString() ?? "null"} {attached.Tags.Count} {attached.Lines.Count} {attached.FileName ?? "null"} {attached.Length}";
    }

    /// <summary>The client's address is the HttpClient's base address, whatever its last character.</summary>
    public static async Task<string> Title(HttpClient http, int id) => (await new TasksV1Client(http).GetTaskAsync(id)).Title;
}
