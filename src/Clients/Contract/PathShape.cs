namespace Hybrid.Clients;

/// <summary>
/// A document path by its shape: what URLs it matches, not what its placeholders are called.
/// <c>/api/v1/tasks/{id}</c> and <c>/api/v1/tasks/{taskId}</c> are one path to a client, so a renamed
/// placeholder is neither a removed path nor a removed parameter: paths meet by shape, and path
/// parameters by their position in the path.
/// </summary>
internal static class PathShape
{
    /// <summary>The path with each placeholder reduced to <c>{}</c>.</summary>
    public static string Of(string path)
    {
        var shape = new System.Text.StringBuilder(path.Length);
        var open = -1;
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '{' && open < 0)
            {
                open = i;
                shape.Append("{}");
            }
            else if (path[i] == '}' && open >= 0)
            {
                open = -1;
            }
            else if (open < 0)
            {
                shape.Append(path[i]);
            }
        }

        return shape.ToString();
    }

    /// <summary>The placeholder names of <paramref name="path"/>, in order.</summary>
    public static List<string> Placeholders(string path)
    {
        var names = new List<string>();
        for (var open = path.IndexOf('{', StringComparison.Ordinal); open >= 0; open = path.IndexOf('{', open + 1))
        {
            var close = path.IndexOf('}', open);
            if (close < 0)
            {
                break;
            }

            names.Add(path[(open + 1)..close]);
        }

        return names;
    }
}
