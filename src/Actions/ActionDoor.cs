using System.Text.RegularExpressions;

namespace Hybrid.Actions;

/// <summary>
/// The action door as Core sees it: its name, its reading of the catalog (an operation with
/// <c>[Action]</c> or <c>AsAction()</c> is an action; its id is checked and unique, HYB005–HYB006),
/// its inventory column, and its traits, made from its options, that its endpoints' settings are
/// resolved against.
/// </summary>
internal sealed partial class ActionDoor : HybridDoor
{
    public static readonly ActionDoor Instance = new();

    private ActionDoor()
    {
    }

    public override string Name => HybridDoors.Action;

    public override string ExposureTitle => "Action";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    public static DoorTraits Traits(ActionDoorOptions options) => new()
    {
        Name = HybridDoors.Action,
        DefaultBodyLimit = options.MaxBodySize,
        AuthenticationSchemes = [.. options.AuthenticationSchemes],
        ChecksAntiforgeryTokens = true,
        TokensByDefault = options.RequireAntiforgeryTokens,
        AlwaysChecksOrigin = true,
    };

    /// <summary>The actions of a catalog by id (ignoring case), once the door was mapped; else <see langword="null"/>.</summary>
    public static ActionIndex? IndexOf(OperationCatalog catalog) => catalog.Doors.ReadingOf(HybridDoors.Action) as ActionIndex;

    public override object? BeginReading() => new ActionIndex();

    public override object? Expose(HybridOperation operation, RequestShape shape, object? reading, List<HybridConfigurationError> errors)
    {
        string? id = null;
        string? summary = null;
        var declared = false;
        foreach (var declaration in operation.DeclarationsFor(Name).OfType<ActionAttribute>())
        {
            // Attributes first, then code: code wins where both name a value.
            declared = true;
            id = declaration.Id ?? id;
            summary = declaration.Summary ?? summary;
        }

        var index = (ActionIndex)reading!;
        if (!declared || Check(operation, id ?? operation.RequestType.Name, index, errors) is not { } checkedId)
        {
            return null;
        }

        var exposure = new ActionExposure(checkedId, summary);
        index.Add(checkedId, operation);
        return exposure;
    }

    public override string Describe(object exposure) => "`" + ExposureInventory.Cell(((ActionExposure)exposure).Id) + "`";

    private static string? Check(HybridOperation operation, string id, ActionIndex index, List<HybridConfigurationError> errors)
    {
        var name = operation.ToString();
        if (!IdPattern().IsMatch(id))
        {
            errors.Add(new("HYB005", $"{name} has the action id '{id}', which is not a valid id. Fix: use letters, digits, '_', '.' and '-', starting with a letter or digit, at most 128 characters."));
            return null;
        }

        if (index.Find(id) is { } owner)
        {
            errors.Add(new("HYB006", $"{name} and {owner} both use the action id '{id}'. Fix: give one of them another id with [Action(\"...\")] or AsAction(\"...\")."));
            return null;
        }

        return id;
    }
}
