using System.ComponentModel.DataAnnotations;

namespace Blog.Posts;

/// <summary>One headed part of a post's text. In a form: <c>sections[0].heading</c>, <c>sections[0].body</c>, ...</summary>
public sealed class PostSection
{
    /// <summary>The section's heading.</summary>
    [Required]
    [StringLength(200)]
    public string Heading { get; set; } = string.Empty;

    /// <summary>The section's text.</summary>
    [Required]
    [StringLength(20_000)]
    public string Body { get; set; } = string.Empty;
}
