namespace Hybrid.Forms;

/// <summary>
/// One step of a posted field name: a member (<c>.email</c>) or a list index (<c>[3]</c>).
/// <see cref="End"/> is where the step ends in the posted name, so a message can quote the part
/// of the name a problem is about exactly as it was posted.
/// </summary>
/// <param name="Name">The member's name, or null for an index.</param>
/// <param name="Index">The index, when <paramref name="Name"/> is null.</param>
/// <param name="End">The position just after this step in the posted name.</param>
internal readonly record struct FieldSegment(string? Name, int Index, int End)
{
    public bool IsIndex => Name is null;
}
