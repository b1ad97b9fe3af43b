namespace Hybrid.Clients;

/// <summary>How a message names the member a schema change is on.</summary>
/// <param name="Whole">The name of the schema's root (<c>request body</c>, <c>response 200 body</c>).</param>
/// <param name="Member">What precedes a member's path (<c>request body property</c>, <c>query parameter</c>).</param>
internal sealed record MemberLabel(string Whole, string Member)
{
    /// <summary>A request body's members: <c>request body property 'author'</c>.</summary>
    public static MemberLabel RequestBody { get; } = new("request body", "request body property");

    /// <summary>
    /// A parameter: the comparison starts at the parameter's name as the path, so an array's items read
    /// <c>query parameter 'tag[]'</c>.
    /// </summary>
    public static MemberLabel Parameter(string location) => new(location + " parameter", location + " parameter");

    /// <summary>A response body's members: <c>response 200 property 'sections[].heading'</c>.</summary>
    public static MemberLabel Response(string status) => new("response " + status + " body", "response " + status + " property");

    /// <summary>A stream's item, what each of its events carries: <c>stream item property 'text'</c>.</summary>
    public static MemberLabel StreamItem { get; } = new("stream item", "stream item property");

    /// <summary>The member at <paramref name="path"/> ("" for the root).</summary>
    public string Describe(string path) => path.Length == 0 ? Whole : Member + " '" + path + "'";
}
