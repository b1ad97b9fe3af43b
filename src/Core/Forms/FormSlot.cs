namespace Hybrid.Forms;

/// <summary>What a form can post for one type, worked out once per type by <see cref="FormSlots"/>.</summary>
internal sealed class FormSlot
{
    private FormSlot(FormSlotKind kind, Type type, ValueReader? reader, Type? elementType, RequestShape? shape)
    {
        Kind = kind;
        Type = type;
        Reader = reader;
        ElementType = elementType;
        Shape = shape;
    }

    public FormSlotKind Kind { get; }

    public Type Type { get; }

    /// <summary>For <see cref="FormSlotKind.Value"/>: the parser of one field.</summary>
    public ValueReader? Reader { get; }

    /// <summary>For <see cref="FormSlotKind.List"/>: the item type.</summary>
    public Type? ElementType { get; }

    /// <summary>For <see cref="FormSlotKind.Object"/>: the members, named as the app's JSON names them.</summary>
    public RequestShape? Shape { get; }

    /// <summary>True for <c>bool</c> and <c>bool?</c>, which accept a checkbox with its hidden <c>false</c> field.</summary>
    public bool IsBoolean => Type == typeof(bool) || Type == typeof(bool?);

    public static FormSlot Value(Type type, ValueReader reader) => new(FormSlotKind.Value, type, reader, null, null);

    public static FormSlot List(Type type, Type elementType) => new(FormSlotKind.List, type, null, elementType, null);

    public static FormSlot Object(RequestShape shape) => new(FormSlotKind.Object, shape.Type, null, null, shape);

    public static FormSlot Json(Type type) => new(FormSlotKind.Json, type, null, null, null);
}
