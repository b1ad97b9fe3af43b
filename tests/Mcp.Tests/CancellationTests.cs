namespace Hybrid.Mcp.Tests;

/// <summary>A client that cancels a call cancels the handler's token; the handler's own cleanup runs.</summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task Cancelling_a_call_cancels_the_handlers_token_and_its_finally_runs()
    {
        await using var host = await McpHost.StartAsync();
        await using var client = await host.ConnectAsync();
        using var cancel = new CancellationTokenSource();

        var call = client.CallToolAsync("WaitForCancel", cancellationToken: cancel.Token).AsTask();
        await host.Store().Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        (await host.Store().Finished.Task.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue("the handler saw its token cancelled");
        await call.Invoking(c => c).Should().ThrowAsync<OperationCanceledException>();
    }
}
