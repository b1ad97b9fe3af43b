namespace Hybrid;

/// <summary>How a request member holds uploaded files, if it does.</summary>
internal enum FileKind
{
    /// <summary>Not a file member.</summary>
    None,

    /// <summary><see cref="HybridFile"/>: at most one part.</summary>
    Single,

    /// <summary><c>HybridFile[]</c>, or an interface an array implements (<c>IReadOnlyList&lt;HybridFile&gt;</c>).</summary>
    Array,

    /// <summary><c>List&lt;HybridFile&gt;</c>, or an interface only a list implements (<c>IList&lt;HybridFile&gt;</c>).</summary>
    List,
}
