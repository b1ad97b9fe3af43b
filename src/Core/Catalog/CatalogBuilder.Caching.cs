namespace Hybrid;

/// <summary>The start-up checks of what an operation makes stale and how its reads are cached, on every door (HYB050–HYB051).</summary>
internal static partial class CatalogBuilder
{
    private sealed partial class OperationCheck
    {
        private void CheckCaching(IReadOnlyList<object> metadata, Type response)
        {
            errors.AddRange(SettingRules.Revalidates(_name, _type, response, metadata.OfType<RevalidatesAttribute>().SelectMany(a => a.Targets)));
            if (metadata.OfType<ReadCacheAttribute>().LastOrDefault() is { } read)
            {
                errors.AddRange(SettingRules.ReadCache(_name, shape, read));
            }
        }
    }
}
