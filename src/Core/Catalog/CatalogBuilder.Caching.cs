namespace Hybrid;

/// <summary>The start-up checks of what an operation makes stale and how its reads are cached (HYB050–HYB051).</summary>
internal static partial class CatalogBuilder
{
    private sealed partial class OperationCheck
    {
        private void CheckCaching(IReadOnlyList<object> metadata, Type response, List<RestRoute> routes)
        {
            foreach (var target in metadata.OfType<RevalidatesAttribute>().SelectMany(a => a.Targets))
            {
                if (string.IsNullOrWhiteSpace(target))
                {
                    Add("HYB050", $"{_name} declares an empty [Revalidates] target. Fix: name a tag (\"post:{{postId}}\") or a path (\"/posts/{{postId}}\").");
                    continue;
                }

                StaleTemplate.Parse(target, _type, response, out var unknown);
                if (unknown is not null)
                {
                    Add("HYB050", $"{_name} declares the stale target '{target}', whose placeholder {{{unknown}}} names no property of {_type.Name}{(response == typeof(MediatR.Unit) ? string.Empty : $" (or, after 'result.', of {response.Name})")}. Fix: name a request property, or 'result.<property>' of the handler's result.");
                }
            }

            if (metadata.OfType<ReadCacheAttribute>().LastOrDefault() is not { } read)
            {
                return;
            }

            if (read.DurationSeconds < 1 || !routes.Any(r => r.Method == "GET"))
            {
                Add("HYB051", $"{_name} declares [ReadCache] with {read.DurationSeconds} s{(routes.Any(r => r.Method == "GET") ? string.Empty : " but has no REST GET route")}. Fix: give a GET route and a duration of at least 1 second.");
            }

            foreach (var tag in read.Tags)
            {
                foreach (var name in StaleTemplate.Placeholders(tag))
                {
                    if (shape.Find(name) is null)
                    {
                        Add("HYB050", $"{_name} declares the read-cache tag '{tag}', whose placeholder {{{name}}} names no property of {_type.Name}. Fix: name a route or query member of the request.");
                    }
                }
            }
        }
    }
}
