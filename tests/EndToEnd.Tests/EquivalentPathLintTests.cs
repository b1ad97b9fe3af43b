using Hybrid.Testing;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.EndToEnd.Tests;

/// <summary>A task whose operations spell one path's placeholder apart; exposed in code by <see cref="EquivalentPathLintTests"/> only.</summary>
public sealed record TaskCard(int Id, string Title);

public sealed class ShowTaskCard : IRequest<TaskCard>
{
    public int TaskId { get; set; }
}

public sealed class ShowTaskCardHandler : IRequestHandler<ShowTaskCard, TaskCard>
{
    public Task<TaskCard> Handle(ShowTaskCard request, CancellationToken cancellationToken) => Task.FromResult(new TaskCard(request.TaskId, "a task"));
}

public sealed class RemoveTaskCard : IRequest<TaskCard>
{
    public int Id { get; set; }
}

public sealed class RemoveTaskCardHandler : IRequestHandler<RemoveTaskCard, TaskCard>
{
    public Task<TaskCard> Handle(RemoveTaskCard request, CancellationToken cancellationToken) => Task.FromResult(new TaskCard(request.Id, "removed"));
}

/// <summary>
/// <c>GET tasks/{taskId:int}</c> beside <c>DELETE tasks/{id}</c> on another operation: the document
/// Spectral and swagger-parser read is valid (one path, one name, no constraint in it).
/// </summary>
public sealed class EquivalentPathLintTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("hybrid-paths-").FullName;
    private string _document = "";

    public async Task InitializeAsync()
    {
        await using var host = await TestHost.StartAsync(
            [new ScannedTypes(typeof(ShowTaskCard), typeof(ShowTaskCardHandler), typeof(RemoveTaskCard), typeof(RemoveTaskCardHandler))],
            o =>
            {
                // What spectral:oas asks of every document (as the Blog states it), so only the paths are on trial.
                o.Title = "Tasks";
                o.Description = "A task board.";
                o.Contact = new DocumentContact { Name = "The task board's maintainers" };
                o.Servers.Add(new DocumentServer("http://127.0.0.1:5080", "Local"));
                o.Expose<ShowTaskCard>(op => op.Get("tasks/{taskId:int}").Rest().WithSummary("Shows a task.").WithDescription("One task of the board."));
                o.Expose<RemoveTaskCard>(op => op.Delete("tasks/{id}").Rest().WithSummary("Removes a task.").WithDescription("Takes a task off the board."));
            },
            s => s.AddAuthorization(),
            app => app.MapHybridRest());
        _document = Path.Combine(_work, "v1.json");
        await File.WriteAllTextAsync(_document, await host.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Spectral_reports_no_error_and_no_warning() =>
        (await Spectral.LintAsync(_work, [_document])).Should().BeEmpty();

    [Fact]
    public async Task Swagger_parser_validates_it()
    {
        var run = await ProcessRunner.RunAsync("node", ["validate-documents.cjs", _document], Repository.TypeScriptFolder);

        run.ShouldSucceed("swagger-parser's validate");
    }
}
