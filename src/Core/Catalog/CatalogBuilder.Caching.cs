namespace Hybrid;

/// <summary>The start-up checks of what an operation makes stale and how its reads are cached (HYB050–HYB051).</summary>
internal static partial class CatalogBuilder
{
    private sealed partial class OperationCheck
    {
        private void CheckCaching(IReadOnlyList<object> metadata, Type response, List<RestRoute> routes)
        {
            errors.AddRange(SettingRules.Revalidates(_name, _type, response, metadata.OfType<RevalidatesAttribute>().SelectMany(a => a.Targets)));
            if (metadata.OfType<RevalidatesAttribute>().Any() && routes.Count > 0 && !declaration.IsAction && routes.All(r => r.Method == "GET"))
            {
                errors.Add(SettingRules.RevalidatesOnlyReads(_name));
            }

            if (metadata.OfType<ReadCacheAttribute>().LastOrDefault() is not { } read)
            {
                return;
            }

            if (!routes.Any(r => r.Method == "GET"))
            {
                errors.Add(SettingRules.ReadCacheWithoutGet(_name));
            }

            errors.AddRange(SettingRules.ReadCache(_name, shape, read));
        }
    }
}
