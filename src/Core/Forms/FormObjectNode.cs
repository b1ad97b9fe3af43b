using System.Text.Json.Nodes;

namespace Hybrid.Forms;

/// <summary>An object posted member by member (<c>author.email</c>, <c>items[0].name</c>).</summary>
internal sealed class FormObjectNode(RequestShape shape) : FormNode
{
    public Dictionary<RequestMember, FormNode> Members { get; } = [];

    public override JsonNode? ToJson(FormErrors errors)
    {
        var json = new JsonObject();
        foreach (var member in shape.Members)
        {
            if (Members.TryGetValue(member, out var node))
            {
                json[member.JsonName] = node.ToJson(errors);
            }
        }

        return json;
    }
}
