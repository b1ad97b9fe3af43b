using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hybrid;

/// <summary>
/// Turns what System.Text.Json throws while reading a body into the problem both doors answer: a
/// body that is not JSON at all is <c>invalid_json</c>; a well-formed body whose value does not fit
/// a member (<c>"id": "xyz"</c>) or lacks a C# <c>required</c> member is <c>validation_failed</c>
/// with the field keyed by its JSON path, exactly as the same mistake in a route, query or form.
/// </summary>
internal static partial class JsonBodyErrors
{
    [GeneratedRegex(@"\['((?:[^']|'')*)'\]", RegexOptions.CultureInvariant)]
    private static partial Regex BracketName();

    [GeneratedRegex(@"'([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedName();

    public static OperationProblem ToProblem(JsonException exception, RequestShape root)
    {
        if (IsSyntaxError(exception))
        {
            return OperationProblem.InvalidJson(exception.Path);
        }

        var path = FieldPath(exception.Path);
        var target = Resolve(root, path);
        if (target.Shape is { } objectShape && MissingRequired(exception, objectShape) is { Count: > 0 } missing)
        {
            return OperationProblem.Validation(missing.ToDictionary(
                m => Join(path, m.JsonName),
                m => new[] { $"The {m.JsonName} field is required." },
                StringComparer.Ordinal));
        }

        if (path.Length == 0)
        {
            return OperationProblem.InvalidJson(exception.Path);
        }

        var message = target.Type is { } type ? ValueParsers.InvalidMessage(LastName(path), type) : $"The value of '{LastName(path)}' is not valid.";
        return OperationProblem.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [path] = [message] });
    }

    /// <summary>
    /// System.Text.Json wraps its reader's own exception (malformed JSON) and nothing else: a value
    /// that does not convert carries no inner exception, or the converter's.
    /// </summary>
    private static bool IsSyntaxError(JsonException exception) =>
        exception.InnerException is JsonException inner && inner.GetType() != typeof(JsonException);

    /// <summary><c>$.author.name</c> → <c>author.name</c>; <c>$.tags[1]</c> → <c>tags[1]</c>; <c>$['a b']</c> → <c>a b</c>.</summary>
    public static string FieldPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return string.Empty;
        }

        var path = BracketName().Replace(jsonPath, m => "." + m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal));
        return path.TrimStart('$').TrimStart('.');
    }

    /// <summary>The required members the message names, when each is one of the object's: never guessed from localized prose alone.</summary>
    private static List<RequestMember> MissingRequired(JsonException exception, RequestShape shape)
    {
        var named = new List<RequestMember>();
        foreach (Match match in QuotedName().Matches(exception.Message))
        {
            if (shape.Members.FirstOrDefault(m => m.JsonName == match.Groups[1].Value) is { } member && member.IsRequiredInJson && !named.Contains(member))
            {
                named.Add(member);
            }
        }

        return named;
    }

    /// <summary>Walks the request type along a field path: the member's type at its end, and its shape when it is an object.</summary>
    private static (Type? Type, RequestShape? Shape) Resolve(RequestShape root, string path)
    {
        Type? type = root.Type;
        var shape = root;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment;
            var indexes = 0;
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = segment[..bracket];
                indexes = segment.Count(c => c == '[');
            }

            var member = shape?.Find(name);
            if (member is null)
            {
                return (null, null);
            }

            type = member.Type;
            for (var i = 0; i < indexes && type is not null; i++)
            {
                type = ElementType(type);
            }

            if (type is null)
            {
                return (null, null);
            }

            shape = SimpleTypes.IsSimple(type) || SimpleTypes.IsCollection(type) ? null : RequestShape.For(type, root.Json);
        }

        return (type, shape);
    }

    private static Type? ElementType(Type type) =>
        type.IsArray
            ? type.GetElementType()
            : (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))?.GetGenericArguments()[0];

    private static string LastName(string path)
    {
        var last = path[(path.LastIndexOf('.') + 1)..];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        return bracket >= 0 ? last[..bracket] : last;
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;
}
