using System.Text.Json.Nodes;

namespace Hybrid.Forms;

/// <summary>
/// One value of the request as the posted fields describe it: a field's value, a list, or an
/// object. The tree is built from every field first and written as JSON last, so the fields of
/// one object or list may come in any order.
/// </summary>
internal abstract class FormNode
{
    /// <summary>
    /// The JSON the app's serializer reads; false after adding the reason to <paramref name="errors"/>,
    /// and the caller leaves the value out, so the rest of the request still binds and is validated.
    /// </summary>
    /// <param name="errors">Where field errors go.</param>
    /// <param name="path">This value's JSON path (<c>items[1].qty</c>), which names what is left out.</param>
    /// <param name="json">The value.</param>
    public abstract bool TryWrite(BindingErrors errors, string path, out JsonNode? json);
}
