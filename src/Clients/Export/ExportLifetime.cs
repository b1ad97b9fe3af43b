using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hybrid.Clients;

/// <summary>
/// The host's lifetime during an export. The host asks its lifetime first when it starts, before any
/// hosted service starts and before the server is asked to listen; by then <c>Program.cs</c> has mapped
/// every endpoint. This lifetime reads the documents there and then stops the start, so nothing of the
/// app runs beyond building its services and endpoints.
/// </summary>
internal sealed class ExportLifetime(IServiceProvider services, TaskCompletionSource<IReadOnlyList<ExportedDocument>> result) : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        try
        {
            result.TrySetResult(Read(services));
        }
        catch (Exception e)
        {
            result.TrySetException(e);
        }

        throw new ExportFinishedException();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static IReadOnlyList<ExportedDocument> Read(IServiceProvider services)
    {
        if (services.GetService<MappedDoors>() is not { } doors || doors.Documents.Count == 0)
        {
            throw new HybridConfigurationException([new HybridConfigurationError(
                "HYB103",
                "The app maps no Hybrid door, so there is no document to write. Fix: call builder.Services.AddHybrid(...) and app.MapHybridActions() and/or app.MapHybridRest() in Program.cs, or set HybridGenerateClients=false.")]);
        }

        // The same checks as a start-up: a configuration error fails the build with the same report.
        HybridStartupCheck.Run(services, doors.Endpoints());
        return [.. doors.Documents.Select(d => new ExportedDocument(d.Name, d.IsPublic, Join(d.Bytes())))];
    }

    private static byte[] Join(IEnumerable<ReadOnlyMemory<byte>> segments)
    {
        using var stream = new MemoryStream();
        foreach (var segment in segments)
        {
            stream.Write(segment.Span);
        }

        return stream.ToArray();
    }
}
