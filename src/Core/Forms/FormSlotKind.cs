namespace Hybrid.Forms;

/// <summary>How a value of one type is posted in a form.</summary>
internal enum FormSlotKind
{
    /// <summary>One field, one string, read by the value parser.</summary>
    Value,

    /// <summary>A collection: repeated fields for simple items, or <c>name[i]</c> for any item.</summary>
    List,

    /// <summary>An object: <c>name.member</c> fields, or one field holding JSON.</summary>
    Object,

    /// <summary>Only one field holding JSON (dictionaries, polymorphic types, types with their own converter).</summary>
    Json,
}
