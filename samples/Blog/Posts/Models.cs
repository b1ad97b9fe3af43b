namespace Blog.Posts;

/// <summary>A post in a list, with its tags in alphabetical order.</summary>
public sealed record PostSummary(int Id, string Title, IReadOnlyList<string> Tags);

/// <summary>A post with its comments.</summary>
public sealed record PostDetails(int Id, string Title, string Body, IReadOnlyList<Comment> Comments);

/// <summary>A comment on a post.</summary>
public sealed record Comment(int Id, int PostId, string Author, string Body, DateTimeOffset CreatedAt);
