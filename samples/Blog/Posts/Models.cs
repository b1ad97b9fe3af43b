namespace Blog.Posts;

/// <summary>A post in a list.</summary>
/// <param name="Id">The post's id.</param>
/// <param name="Title">The post's title.</param>
/// <param name="Tags">The post's tags, in alphabetical order.</param>
/// <param name="Summary">The post's summary, or null when it has none.</param>
/// <param name="Status">Where the post is in its life.</param>
/// <param name="PublishOn">The day it is (or was) published.</param>
public sealed record PostSummary(int Id, string Title, IReadOnlyList<string> Tags, string? Summary, PostStatus Status, DateOnly PublishOn);

/// <summary>A post with its comments.</summary>
/// <param name="Id">The post's id.</param>
/// <param name="Title">The post's title.</param>
/// <param name="Body">The post's text.</param>
/// <param name="Comments">Its comments, oldest first.</param>
public sealed record PostDetails(int Id, string Title, string Body, IReadOnlyList<Comment> Comments);

/// <summary>A comment on a post.</summary>
/// <param name="Id">The comment's id.</param>
/// <param name="PostId">The post it belongs to.</param>
/// <param name="Author">The name it is signed with.</param>
/// <param name="Body">Its text.</param>
/// <param name="CreatedAt">When it was posted.</param>
public sealed record Comment(int Id, int PostId, string Author, string Body, DateTimeOffset CreatedAt);
