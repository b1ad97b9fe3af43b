using System.Text;
using System.Text.Encodings.Web;
using Blog.Posts;
using Hybrid;
using Hybrid.Actions;
using MediatR;

namespace Blog.Pages;

/// <summary>
/// Server-rendered pages. Their forms post straight to actions, so they work without JavaScript:
/// the action door answers a plain form with 303 back to the page.
/// </summary>
public static class BlogPages
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static void MapBlogPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", Index);
        endpoints.MapGet("/posts/{postId:int}", Post);
    }

    private static async Task<IResult> Index(HttpContext context, IMediator mediator)
    {
        context.IssueXsrfToken();
        var posts = await mediator.Send(new ListPosts(), context.RequestAborted);
        var html = new StringBuilder();
        html.Append("<h1>Blog</h1><ul id=\"posts\">");
        foreach (var post in posts)
        {
            html.Append("<li><a href=\"/posts/").Append(post.Id).Append("\">").Append(Html.Encode(post.Title)).Append("</a></li>");
        }

        html.Append("</ul>");
        return Page("Blog", html.ToString());
    }

    private static async Task<IResult> Post(int postId, HttpContext context, IMediator mediator)
    {
        var tokens = context.IssueXsrfToken();
        PostDetails post;
        try
        {
            post = await mediator.Send(new GetPost { PostId = postId }, context.RequestAborted);
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }

        var token = Html.Encode(tokens.RequestToken ?? string.Empty);
        var here = "/posts/" + postId;
        var html = new StringBuilder();
        html.Append("<p><a href=\"/\">All posts</a></p>");
        html.Append("<article><h1 id=\"title\">").Append(Html.Encode(post.Title)).Append("</h1><p>").Append(Html.Encode(post.Body)).Append("</p></article>");
        html.Append("<h2>Comments</h2><ul id=\"comments\">");
        foreach (var comment in post.Comments)
        {
            html.Append("<li class=\"comment\" data-id=\"").Append(comment.Id).Append("\"><strong class=\"author\">")
                .Append(Html.Encode(comment.Author)).Append("</strong>: <span class=\"body\">").Append(Html.Encode(comment.Body)).Append("</span>")
                .Append("<form method=\"post\" action=\"/_actions/DeleteComment\" class=\"delete\">")
                .Append("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"").Append(token).Append("\">")
                .Append("<input type=\"hidden\" name=\"__returnUrl\" value=\"").Append(here).Append("\">")
                .Append("<input type=\"hidden\" name=\"commentId\" value=\"").Append(comment.Id).Append("\">")
                .Append("<button type=\"submit\">Delete</button></form></li>");
        }

        html.Append("</ul>");
        html.Append("<h2>Add a comment</h2>");
        html.Append("<form id=\"comment-form\" method=\"post\" action=\"/_actions/CreateComment\">")
            .Append("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"").Append(token).Append("\">")
            .Append("<input type=\"hidden\" name=\"__returnUrl\" value=\"").Append(here).Append("\">")
            .Append("<input type=\"hidden\" name=\"postId\" value=\"").Append(postId).Append("\">")
            .Append("<p><label>Name <input name=\"author\" required maxlength=\"100\"></label></p>")
            .Append("<p><label>Comment <textarea name=\"body\" required maxlength=\"2000\"></textarea></label></p>")
            .Append("<p><button type=\"submit\">Add comment</button></p></form>");
        return Page(post.Title, html.ToString());
    }

    private static IResult Page(string title, string body) =>
        Results.Content(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Html.Encode(title)}</title>" +
            "<style>body{font-family:system-ui;max-width:40rem;margin:2rem auto}li.comment form{display:inline;margin-left:.5rem}</style>" +
            $"</head><body>{body}</body></html>",
            "text/html; charset=utf-8");
}
