namespace Blog.Posts.V2;

/// <summary>A post with one page of its comments.</summary>
/// <param name="Id">The post's id.</param>
/// <param name="Title">The title.</param>
/// <param name="Body">The text (a post written with sections: their text, in order).</param>
/// <param name="Comments">One page of the comments, oldest first.</param>
/// <param name="Summary">The summary, or null when it has none.</param>
/// <param name="Status">Where the post is in its life.</param>
/// <param name="PublishOn">The day it is published.</param>
/// <param name="Tags">Its tags, in alphabetical order.</param>
/// <param name="Sections">Its text, section by section (none for a post written before sections).</param>
/// <param name="CoverUrl">Where its cover image is served, or null when it has none.</param>
public sealed record PostDetails(
    int Id,
    string Title,
    string Body,
    CommentPage Comments,
    string? Summary,
    PostStatus Status,
    DateOnly PublishOn,
    IReadOnlyList<string> Tags,
    IReadOnlyList<PostSection> Sections,
    string? CoverUrl);

/// <summary>One page of a post's comments.</summary>
/// <param name="Items">The comments on this page.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">The most comments a page holds.</param>
/// <param name="Total">How many comments the post has in all.</param>
public sealed record CommentPage(IReadOnlyList<Comment> Items, int Page, int PageSize, int Total);

/// <summary>A comment, its author as an object.</summary>
/// <param name="Id">The comment's id.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="Body">The text.</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record Comment(int Id, Author Author, string Body, DateTimeOffset CreatedAt);

/// <summary>Who wrote a comment.</summary>
/// <param name="Name">The name they gave.</param>
public sealed record Author(string Name);
