using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Hybrid;

/// <summary>
/// Turns what System.Text.Json throws while reading a body into the problem both doors answer: a
/// body that is not JSON at all, or nests too deeply, is <c>invalid_json</c>; a well-formed body
/// whose value does not fit a member (<c>"id": "xyz"</c>), lacks a C# <c>required</c> member, names
/// a member the type does not have or names one property twice is <c>validation_failed</c> with the
/// field keyed by its JSON path, exactly as the same mistake in a route, query or form.
/// </summary>
internal static partial class JsonBodyErrors
{
    [GeneratedRegex(@"\['((?:[^']|'')*)'\]", RegexOptions.CultureInvariant)]
    private static partial Regex BracketName();

    [GeneratedRegex(@"'([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedName();

    public static OperationProblem ToProblem(JsonException exception, RequestShape root, System.Text.Json.Nodes.JsonObject? body = null)
    {
        if (IsSyntaxError(exception))
        {
            return IsTooDeep(exception)
                ? OperationProblem.Create(400, ProblemCodes.InvalidJson, "The request body nests objects or arrays deeper than this API accepts" +
                    (exception.Path is null ? string.Empty : $", at '{exception.Path}'") + OperationProblem.Position(exception.LineNumber, exception.BytePositionInLine) + ".")
                : OperationProblem.InvalidJson(exception.Path, exception.LineNumber, exception.BytePositionInLine);
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
            return OperationProblem.InvalidJson(exception.Path, exception.LineNumber, exception.BytePositionInLine);
        }

        if (IsUnknownMember(exception, root, path))
        {
            return OperationProblem.UnknownMembers([path]);
        }

        if (IsDuplicate(exception))
        {
            var duplicate = QuotedName().Match(exception.Message) is { Success: true } quoted && string.Equals(quoted.Groups[1].Value, LastName(path), StringComparison.OrdinalIgnoreCase)
                ? $"The property '{path}' appears more than once."
                : $"A property name appears more than once in '{path}'.";
            return OperationProblem.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [path] = [duplicate] });
        }

        System.Text.Json.Nodes.JsonNode? value = null;
        var message = FileMembers.IsFile(target.Type) ? $"'{LastName(path)}' is a file. {HybridFileJsonConverter.InJson}"
            : target.Type is { } type ? FieldMessages.ForJson(LastName(path), type, body is not null && PartialRead.TryFind(body, exception.Path, out value), value)
            : $"The value of '{LastName(path)}' is not valid.";
        return OperationProblem.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [path] = [message] });
    }

    /// <summary>
    /// System.Text.Json wraps its reader's own exception (malformed JSON) and nothing else: a value
    /// that does not convert carries no inner exception, or the converter's.
    /// </summary>
    private static bool IsSyntaxError(JsonException exception) =>
        exception.InnerException is JsonException inner && inner.GetType() != typeof(JsonException);

    /// <summary>
    /// The reader's depth error is the same exception type as any other syntax error; its message
    /// only changes the problem's <c>detail</c>, never its code.
    /// </summary>
    private static bool IsTooDeep(JsonException exception) =>
        exception.InnerException!.Message.Contains("depth", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A duplicate and a value that does not convert are the same exception at the same path; only
    /// the message tells them apart. Either way the field is named by its path: a runtime that words
    /// it otherwise changes the message, never the key.
    /// </summary>
    private static bool IsDuplicate(JsonException exception) =>
        exception.InnerException is null && exception.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when the path's last name is no property of the object holding it, read from the same
    /// contract System.Text.Json reads with: the error is then the one
    /// <see cref="System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow"/> throws, decided
    /// from structure, not from the message. A polymorphic member's derived types count, and its
    /// discriminator is no unknown member; the request type's own polymorphism is ignored at the root,
    /// as <see cref="RequestJson"/> reads it.
    /// </summary>
    private static bool IsUnknownMember(JsonException exception, RequestShape root, string path)
    {
        var dot = path.LastIndexOf('.');
        var last = path[(dot + 1)..];
        if (exception.InnerException is not null || last.Length == 0 || last.EndsWith(']'))
        {
            return false;
        }

        var parentPath = dot < 0 ? string.Empty : path[..dot];
        if (Resolve(root, parentPath) is not { Type: { } type, Shape: not null })
        {
            return false;
        }

        JsonTypeInfo info;
        try
        {
            info = root.Json.GetTypeInfo(type);
        }
        catch (NotSupportedException)
        {
            return false;
        }

        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return false;
        }

        var candidates = new List<JsonTypeInfo> { info };
        if (parentPath.Length > 0 && info.PolymorphismOptions is { } polymorphism)
        {
            if (last == (polymorphism.TypeDiscriminatorPropertyName ?? "$type"))
            {
                return false;
            }

            candidates.AddRange(polymorphism.DerivedTypes.Select(d => root.Json.GetTypeInfo(d.DerivedType)));
        }

        var comparison = root.Json.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        // A HybridRawRequest member is no member of the body (RequestJson reads without it).
        return candidates.All(c => c.Kind == JsonTypeInfoKind.Object &&
            !c.Properties.Any(p => p.PropertyType != typeof(HybridRawRequest) && (p.IsExtensionData || string.Equals(p.Name, last, comparison))));
    }

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
