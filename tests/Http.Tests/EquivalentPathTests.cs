using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hybrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Http.Tests;

/// <summary>
/// <c>[RestGet("tasks/{taskId}")]</c> beside <c>[RestDelete("tasks/{id}")]</c> on another operation:
/// routing serves both, and the document lists the path once, with one placeholder name (that of the
/// first template in ordinal order), as OpenAPI requires; each operation still binds its own property. Constraints are
/// not part of an OpenAPI path.
/// </summary>
public sealed class EquivalentPathTests
{
    private static Task<TestHost> StartAsync(Action<HybridOptions> configure) =>
        TestHost.StartAsync(
            [new ScannedTypes(typeof(ReadTask), typeof(ReadTaskHandler), typeof(DropTask), typeof(DropTaskHandler))],
            configure,
            s => s.AddSingleton<TaskBoard>(),
            app => app.MapHybridRest());

    [Fact]
    public async Task Two_operations_spelling_one_path_differently_are_one_path_with_one_name()
    {
        await using var host = await StartAsync(o => o.Expose<ReadTask>(op => op.Get("tasks/{taskId}")).Expose<DropTask>(op => op.Delete("tasks/{id}")));
        using var document = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        paths.EnumerateObject().Select(p => p.Name).Should().Equal("/api/v1/tasks/{id}");
        var item = paths.GetProperty("/api/v1/tasks/{id}");
        item.EnumerateObject().Select(o => o.Name).Should().Equal("delete", "get");
        foreach (var verb in new[] { "get", "delete" })
        {
            var path = item.GetProperty(verb).GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path");
            path.Select(p => p.GetProperty("name").GetString()).Should().Equal(["id"], verb);
        }
    }

    [Fact]
    public async Task Each_operation_still_binds_its_own_property()
    {
        await using var host = await StartAsync(o => o.Expose<ReadTask>(op => op.Get("tasks/{taskId}")).Expose<DropTask>(op => op.Delete("tasks/{id}")));

        (await host.Client.GetFromJsonAsync<BoardTask>("/api/v1/tasks/5")).Should().Be(new BoardTask(5, "five"));
        using var dropped = await host.Client.DeleteAsync(new Uri("/api/v1/tasks/6", UriKind.Relative));
        dropped.StatusCode.Should().Be(HttpStatusCode.OK);
        (await dropped.Content.ReadFromJsonAsync<BoardTask>()).Should().Be(new BoardTask(6, "six"));
        host.Services.GetRequiredService<TaskBoard>().Tasks.Keys.Should().Equal(5);
    }

    [Fact]
    public async Task A_constraint_is_left_out_of_the_path_and_equivalent_spellings_meet()
    {
        await using var host = await StartAsync(o => o.Expose<ReadTask>(op => op.Get("tasks/{taskId:int}")).Expose<DropTask>(op => op.Delete("Tasks/{id:min(1)}")));
        using var document = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        paths.EnumerateObject().Select(p => p.Name).Should().Equal("/api/v1/Tasks/{id}");
        paths.GetProperty("/api/v1/Tasks/{id}").GetProperty("get").GetProperty("parameters")[0].GetProperty("name").GetString().Should().Be("id");
        (await host.Client.GetFromJsonAsync<BoardTask>("/api/v1/tasks/5")).Should().Be(new BoardTask(5, "five"));
    }
}
