using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Template;

namespace Hybrid.Http;

/// <summary>
/// Answers what no REST route matched under the REST prefix, as problem details with a <c>code</c>
/// like every other refusal: a path some route has, asked with another method, gets 405 with
/// <c>Allow</c>; <c>OPTIONS</c> on it gets 204 with <c>Allow</c>; anything else 404
/// <c>route_not_found</c>. It never reads the body. Routing's own 405 has no body, and a mapped
/// fallback is the one place that sees every unmatched method.
/// </summary>
internal sealed class RestFallback
{
    private static readonly string[] Standard = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    private readonly List<(TemplateMatcher Matcher, HashSet<string> Methods)> _paths = [];

    public void Add(string pattern, string method)
    {
        foreach (var (matcher, methods) in _paths)
        {
            if (string.Equals(matcher.Template.TemplateText, pattern, StringComparison.OrdinalIgnoreCase))
            {
                AddMethod(methods, method);
                return;
            }
        }

        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        AddMethod(set, method);
        _paths.Add((new TemplateMatcher(TemplateParser.Parse(pattern), []), set));
    }

    public Task HandleAsync(HttpContext context)
    {
        var path = new PathString("/" + (context.Request.RouteValues["path"] as string ?? string.Empty));
        HashSet<string>? allowed = null;
        foreach (var (matcher, methods) in _paths)
        {
            if (matcher.TryMatch(path, []))
            {
                (allowed ??= new(StringComparer.OrdinalIgnoreCase)).UnionWith(methods);
            }
        }

        var method = context.Request.Method;
        if (allowed is null || allowed.Contains(method))
        {
            // Unknown, or known with this method but refused by a route constraint ({id:int} given "abc").
            return ProblemWriter.WriteAsync(context, OperationProblem.Create(404, ProblemCodes.RouteNotFound, "No REST route matches this path."));
        }

        var allow = string.Join(", ", Standard.Where(m => allowed.Contains(m) || m == "OPTIONS"));
        if (HttpMethods.IsOptions(method))
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            context.Response.Headers.Allow = allow;
            return Task.CompletedTask;
        }

        return ProblemWriter.WriteAsync(context, OperationProblem.Create(405, ProblemCodes.MethodNotAllowed, $"This route does not take {method}; it takes {allow}.", "Allow", allow));
    }

    private static void AddMethod(HashSet<string> methods, string method)
    {
        methods.Add(method);
        if (method == "GET")
        {
            methods.Add("HEAD");
        }
    }
}
