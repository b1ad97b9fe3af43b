namespace Hybrid;

/// <summary>The start-up checks of an operation's declared problems, on every door (HYB027–HYB028).</summary>
internal static partial class CatalogBuilder
{
    private sealed partial class OperationCheck
    {
        private void CheckProblems(List<ProducesProblemAttribute> problems) => errors.AddRange(SettingRules.Problems(_name, problems));
    }
}
