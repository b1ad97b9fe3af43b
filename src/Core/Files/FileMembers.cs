namespace Hybrid;

/// <summary>Which members of a request type hold uploaded files; the binders and the documents ask the same.</summary>
internal static class FileMembers
{
    public static FileKind KindOf(Type type)
    {
        if (type == typeof(HybridFile))
        {
            return FileKind.Single;
        }

        var ofFiles = type.IsInterface && type.IsGenericType && type.GetGenericArguments() is [var item] && item == typeof(HybridFile);
        if (type == typeof(HybridFile[]) || (ofFiles && type.IsAssignableFrom(typeof(HybridFile[]))))
        {
            return FileKind.Array;
        }

        return type == typeof(List<HybridFile>) || (ofFiles && type.IsAssignableFrom(typeof(List<HybridFile>))) ? FileKind.List : FileKind.None;
    }

    /// <summary>True when <paramref name="type"/> holds files, or is the element of a list of them.</summary>
    public static bool IsFile(Type? type) => type is not null && (type == typeof(HybridFile) || KindOf(type) != FileKind.None);

    /// <summary>True when the request type has a file member, so its body is multipart.</summary>
    public static bool Any(RequestShape shape) => shape.Members.Any(m => KindOf(m.Type) != FileKind.None);
}
