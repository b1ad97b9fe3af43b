namespace Hybrid.Clients;

/// <summary>
/// A member's path as a chain of segments, made a string only when a break is reported there: walking
/// a long chain of components must not copy an ever longer string at each step.
/// </summary>
internal sealed class MemberPath(MemberPath? parent, string segment)
{
    /// <summary>The path <paramref name="path"/> under <paramref name="prefix"/>: a property after a dot, items (<c>[]</c>), values (<c>{}</c>) and subtypes (<c>&lt;x&gt;</c>) directly.</summary>
    public static string Join(string prefix, string path) =>
        prefix.Length == 0 ? path : path.Length == 0 ? prefix : path[0] is '[' or '{' or '<' ? prefix + path : prefix + "." + path;

    /// <summary>The whole path.</summary>
    public override string ToString() => parent is null ? segment : Join(parent.ToString(), segment);
}
