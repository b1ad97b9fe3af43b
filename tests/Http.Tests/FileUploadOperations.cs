using System.Collections.Concurrent;
using MediatR;

namespace Hybrid.Http.Tests;

/// <summary>A route-bound id, a field and files; exposed in code only by <see cref="FileUploadTests"/>.</summary>
public sealed class AttachFiles : IRequest<Attached>
{
    public int ThingId { get; set; }

    public string Title { get; set; } = string.Empty;

    public HybridFile? Main { get; set; }

    public List<HybridFile> Extras { get; set; } = [];
}

/// <summary>What the handler read: the id, the title, and each file's name and bytes (base64), in order.</summary>
public sealed record Attached(int ThingId, string Title, IReadOnlyList<string> Names, IReadOnlyList<string> Contents);

/// <summary>How many times the handler ran.</summary>
public sealed class AttachCalls
{
    private readonly ConcurrentQueue<int> _calls = new();

    public int Count => _calls.Count;

    public void Called(int thingId) => _calls.Enqueue(thingId);
}

public sealed class AttachFilesHandler(AttachCalls calls) : IRequestHandler<AttachFiles, Attached>
{
    public async Task<Attached> Handle(AttachFiles request, CancellationToken cancellationToken)
    {
        calls.Called(request.ThingId);
        var files = request.Main is null ? request.Extras : [request.Main, .. request.Extras];
        var contents = new List<string>();
        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            contents.Add(Convert.ToBase64String(copy.ToArray()));
        }

        return new Attached(request.ThingId, request.Title, [.. files.Select(f => f.FileName)], contents);
    }
}
