using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace Hybrid.Forms;

/// <summary>
/// A list: either one repeated field of simple values (<c>tag=a&amp;tag=b</c>), or items posted by
/// index (<c>tags[0]</c>, <c>items[1].qty</c>), which must run from 0 without gaps.
/// </summary>
internal sealed class FormListNode : FormNode
{
    private readonly SortedDictionary<int, (FormNode Node, string Posted)>? _items;
    private readonly StringValues _values;
    private readonly FormSlot? _element;
    private readonly string _posted;
    private readonly string _memberName;

    /// <summary>A list of simple values from one repeated field.</summary>
    public FormListNode(FormSlot element, StringValues values, string posted, string memberName)
    {
        _element = element;
        _values = values;
        _posted = posted;
        _memberName = memberName;
    }

    /// <summary>A list posted by index; <paramref name="name"/> is the list's part of the first field's name.</summary>
    public FormListNode(string name)
    {
        _items = [];
        _posted = name;
        _memberName = name; // Unused: each item reports its own values.
    }

    public bool IsIndexed => _items is not null;

    public FormNode? Item(int index) => _items!.TryGetValue(index, out var item) ? item.Node : null;

    public void Set(int index, FormNode node, string posted) =>
        _items![index] = _items.TryGetValue(index, out var known) ? (node, known.Posted) : (node, posted);

    /// <summary>
    /// Written only whole: an item that does not fit cannot be left out without moving the items
    /// after it to other indexes, so the list is left out instead (its good items are not validated).
    /// </summary>
    public override bool TryWrite(BindingErrors errors, string path, out JsonNode? json)
    {
        var array = new JsonArray();
        json = null;
        var fits = true;
        if (_items is null)
        {
            foreach (var value in _values)
            {
                if (_element!.Reader!.TryRead(value ?? string.Empty, out var item))
                {
                    array.Add(item);
                }
                else
                {
                    errors.Add(_posted, FieldMessages.ForText(_memberName, _element.Type, value));
                    fits = false;
                }
            }

            json = fits ? array : null;
            return fits;
        }

        var expected = 0;
        foreach (var (index, item) in _items)
        {
            if (index != expected)
            {
                errors.Add(item.Posted, $"'{item.Posted}' skips index {expected}: the indexes of '{_posted}' must run 0, 1, 2, ... without gaps.");
                return false;
            }

            var itemPath = path + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            if (item.Node.TryWrite(errors, itemPath, out var written))
            {
                array.Add(written);
            }
            else
            {
                fits = false;
            }

            expected++;
        }

        json = fits ? array : null;
        return fits;
    }
}
