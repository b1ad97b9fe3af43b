namespace Blog.Data;

/// <summary>
/// Opens (and if needed creates) the database when the app starts, so the first request does not pay
/// for it. A hosted service, not Program.cs, so that building the app without running it (the build-time
/// documents and clients) never touches the database.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<BlogDatabase>();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
