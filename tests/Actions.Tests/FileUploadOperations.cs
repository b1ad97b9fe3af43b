using MediatR;

namespace Hybrid.Actions.Tests;

/// <summary>One required file and a field; exposed in code only by <see cref="FileUploadTests"/>.</summary>
public sealed class UploadAvatar : IRequest<UploadReceipt>
{
    public string Caption { get; set; } = string.Empty;

    public required HybridFile Avatar { get; init; }
}

/// <summary>A list of files and an optional one.</summary>
public sealed class UploadPhotos : IRequest<UploadReceipt>
{
    public string Album { get; set; } = string.Empty;

    public IReadOnlyList<HybridFile> Photos { get; set; } = [];

    public HybridFile? Cover { get; set; }
}

/// <summary>What a handler read: the fields, and each file's name, type and bytes (base64), in order.</summary>
public sealed record UploadReceipt(string Text, IReadOnlyList<string> Names, IReadOnlyList<string> Types, IReadOnlyList<string> Contents);

public sealed class UploadAvatarHandler(HandlerCalls calls) : IRequestHandler<UploadAvatar, UploadReceipt>
{
    public async Task<UploadReceipt> Handle(UploadAvatar request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(UploadAvatar));
        return await UploadReceipts.ReadAsync(request.Caption, [request.Avatar], cancellationToken);
    }
}

public sealed class UploadPhotosHandler(HandlerCalls calls) : IRequestHandler<UploadPhotos, UploadReceipt>
{
    public async Task<UploadReceipt> Handle(UploadPhotos request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(UploadPhotos));
        var files = request.Cover is null ? request.Photos : [.. request.Photos, request.Cover];
        return await UploadReceipts.ReadAsync(request.Album, files, cancellationToken);
    }
}

public static class UploadReceipts
{
    public static async Task<UploadReceipt> ReadAsync(string text, IReadOnlyList<HybridFile> files, CancellationToken cancellationToken)
    {
        var contents = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            // Both ways of reading, so each is checked byte for byte.
            using var copy = new MemoryStream();
            if (i % 2 == 0)
            {
                await files[i].CopyToAsync(copy, cancellationToken);
            }
            else
            {
                await using var stream = files[i].OpenReadStream();
                await stream.CopyToAsync(copy, cancellationToken);
            }

            contents.Add(copy.Length == files[i].Length ? Convert.ToBase64String(copy.ToArray()) : "length differs");
        }

        return new UploadReceipt(text, [.. files.Select(f => f.FileName)], [.. files.Select(f => f.ContentType)], contents);
    }
}
