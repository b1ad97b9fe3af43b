using System.Text.Json.Nodes;

namespace Hybrid.Forms;

/// <summary>
/// One value of the request as the posted fields describe it: a field's value, a list, or an
/// object. The tree is built from every field first and written as JSON last, so the fields of
/// one object or list may come in any order.
/// </summary>
internal abstract class FormNode
{
    /// <summary>The JSON the app's serializer reads, or null after adding the reason to <paramref name="errors"/>.</summary>
    public abstract JsonNode? ToJson(FormErrors errors);
}
