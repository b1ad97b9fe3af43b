using Blog.Account;
using Blog.Posts;
using Hybrid.Actions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Blog.Pages;

/// <summary>
/// The editor's page for a new post: one form posting to the SavePost action, which lands on the new
/// post (the return URL <c>/posts/{id}</c> is filled from SavePost's result). Editors only, as SavePost is.
/// </summary>
[Authorize(Roles = BlogUsers.Editor)]
public sealed class PostEditorModel : PageModel
{
    /// <summary>How many section rows to show: one, or as many as a failed plain post came back with.</summary>
    public int Sections { get; private set; } = 1;

    /// <summary>Today, the date a new post is published on unless the editor picks another.</summary>
    public string Today { get; } = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public void OnGet()
    {
        // The form's state is read once per request (the tag helpers read the same one and put back
        // every value); only how many section rows to render is the page's to decide.
        if (HttpContext.GetHybridFormState(nameof(SavePost)) is not { } state)
        {
            return;
        }

        var rows = state.Values.Keys.Concat(state.Errors.Keys)
            .Select(name => System.Text.RegularExpressions.Regex.Match(name, @"^sections\[(\d{1,2})\]", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Where(match => match.Success)
            .Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1)
            .DefaultIfEmpty(1)
            .Max();
        Sections = Math.Clamp(rows, 1, 50);
    }
}
