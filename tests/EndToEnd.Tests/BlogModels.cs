namespace Hybrid.EndToEnd.Tests;

/// <summary>The sample's wire shapes as a client sees them.</summary>
public sealed record PostDto(int Id, string Title, string Body, List<CommentDto> Comments);

public sealed record CommentDto(int Id, int PostId, string Author, string Body, DateTimeOffset CreatedAt);

public sealed record PostSummaryDto(int Id, string Title, List<string> Tags);
