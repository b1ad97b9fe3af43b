using System.Text.Json.Nodes;

namespace Hybrid.Forms;

/// <summary>An object posted member by member (<c>author.email</c>, <c>items[0].name</c>).</summary>
internal sealed class FormObjectNode(RequestShape shape) : FormNode
{
    public Dictionary<RequestMember, FormNode> Members { get; } = [];

    /// <summary>Always written: a member whose fields do not fit is left out (and named), the others stay.</summary>
    public override bool TryWrite(BindingErrors errors, string path, out JsonNode? json)
    {
        var written = new JsonObject();
        foreach (var member in shape.Members)
        {
            if (Members.TryGetValue(member, out var node))
            {
                var memberPath = path.Length == 0 ? member.JsonName : path + "." + member.JsonName;
                if (node.TryWrite(errors, memberPath, out var value))
                {
                    written[member.JsonName] = value;
                }
                else
                {
                    errors.Omit(memberPath);
                }
            }
        }

        json = written;
        return true;
    }
}
