using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Actions.Tests;

/// <summary>A client that goes away cancels the token its handler received, through either door.</summary>
public sealed class CancellationTests
{
    [Theory]
    [InlineData("action")]
    [InlineData("rest")]
    public async Task A_client_that_disconnects_cancels_the_handlers_token(string door)
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(
            o => o.Expose<WaitForever>(op =>
            {
                op.AsAction();
                op.Get("waits/{id}");
            }),
            services: s => s.AddSingleton<SlowWork>());
        var work = host.Services.GetRequiredService<SlowWork>();
        using var request = door == "action"
            ? ActionsHost.JsonPost("WaitForever", """{"id":1}""", xsrf: null)
            : new HttpRequestMessage(HttpMethod.Get, "/api/v1/waits/1");
        using var client = new CancellationTokenSource();

        var sending = host.Client.SendAsync(request, client.Token);
        await work.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await client.CancelAsync();

        await FluentActions.Awaiting(() => sending).Should().ThrowAsync<OperationCanceledException>();
        (await work.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
    }
}
