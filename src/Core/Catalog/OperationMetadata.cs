namespace Hybrid;

/// <summary>
/// The endpoint metadata an operation's attributes declare: every attribute on the request type,
/// then on its handler, as minimal APIs take a handler method's attributes, so ASP.NET Core's own
/// (<c>[Authorize]</c>, <c>[EnableRateLimiting]</c>, <c>[RequestSizeLimit]</c>, <c>[Tags]</c>...)
/// and the app's reach every endpoint of the operation. Left out: Hybrid's exposure attributes,
/// compiler and runtime bookkeeping, serializer and validation attributes (they describe the
/// payload, not the endpoint).
/// </summary>
internal static class OperationMetadata
{
    private static readonly string[] IgnoredNamespaces =
    [
        "System.Runtime", "System.Diagnostics", "System.Reflection", "System.Text.Json", "System.ComponentModel.DataAnnotations", "System.CodeDom", "System.Security.Permissions",
    ];

    public static IReadOnlyList<object> Collect(Type requestType, Type handlerType)
    {
        var metadata = new List<object>();
        Add(metadata, requestType);
        Add(metadata, handlerType);
        return metadata;
    }

    private static void Add(List<object> metadata, Type type)
    {
        foreach (var attribute in type.GetCustomAttributes(inherit: true))
        {
            if (attribute is IDoorDeclaration || IsIgnored(attribute.GetType()))
            {
                continue;
            }

            metadata.Add(attribute);
        }
    }

    private static bool IsIgnored(Type attributeType)
    {
        var ns = attributeType.Namespace ?? string.Empty;
        foreach (var ignored in IgnoredNamespaces)
        {
            if (ns == ignored || ns.StartsWith(ignored + ".", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
