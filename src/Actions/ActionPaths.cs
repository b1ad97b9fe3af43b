using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

using System.Runtime.CompilerServices;

namespace Hybrid.Actions;

/// <summary>
/// Where each action is posted: <c>{Path}/{segment}</c>, the segment being the action's
/// readable id or, with <see cref="ActionDoorOptions.OpaqueIds"/>, its opaque id. Mapping, the
/// fallback, the actions document and the form tag helper all ask this one place, so they cannot
/// disagree about an action's URL.
/// </summary>
internal sealed class ActionPaths
{
    public const int MinimumKeyBytes = 32;

    // 22 base64url characters carry 132 bits. Routing matches literal segments ignoring case, which
    // still leaves more than 110 bits: two actions never share an id, and none is guessed.
    private const int OpaqueIdLength = 22;

    // Binds the key to this one use, so the same key used elsewhere yields unrelated values.
    private const string Purpose = "hybrid-action-id:";

    private static readonly ConditionalWeakTable<OperationCatalog, ActionPaths> Made = [];

    private readonly string _prefix;
    private readonly Dictionary<Type, string> _segments = [];
    private readonly Dictionary<string, HybridOperation> _bySegment = new(StringComparer.OrdinalIgnoreCase);

    private ActionPaths(OperationCatalog catalog, ActionDoorOptions options)
    {
        _prefix = options.Path;
        var key = options.OpaqueIds ? ReadKey(options.IdKey) : null;
        foreach (var operation in catalog.Operations)
        {
            if (operation.ActionId is not { } id)
            {
                continue;
            }

            var segment = key is null ? id : OpaqueId(key, id);
            _segments.Add(operation.RequestType, segment);
            _bySegment.Add(segment, operation);
        }
    }

    /// <summary>The paths of a catalog's actions, made once per catalog (the app's one singleton).</summary>
    public static ActionPaths For(OperationCatalog catalog, ActionDoorOptions options) => Made.GetValue(catalog, c => new ActionPaths(c, options));

    /// <summary>The last path segment an action is posted to.</summary>
    public string Segment(HybridOperation operation) => _segments[operation.RequestType];

    /// <summary>The path an action is posted to, <c>{Path}/{segment}</c>.</summary>
    public string Path(HybridOperation operation) => _prefix + "/" + Segment(operation);

    /// <summary>The action posted to under a path segment (ignoring case, as routing does), or <see langword="null"/>.</summary>
    public HybridOperation? Find(string segment) => _bySegment.GetValueOrDefault(segment);

    /// <summary>
    /// base64url(HMAC-SHA256(key, "hybrid-action-id:" + actionId)), cut to 22 characters. A keyed
    /// hash rather than a plain one: without the key, an id cannot be computed from a type name.
    /// </summary>
    public static string OpaqueId(byte[] key, string actionId)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Purpose + actionId), hash);
        return Base64Url.EncodeToString(hash)[..OpaqueIdLength];
    }

    /// <summary>The key's bytes, or <see langword="null"/> when it is not base64 of at least <see cref="MinimumKeyBytes"/> bytes.</summary>
    public static byte[]? ReadKey(string? base64)
    {
        if (base64 is null)
        {
            return null;
        }

        var bytes = new byte[(base64.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(base64.Trim(), bytes, out var written) && written >= MinimumKeyBytes
            ? bytes[..written]
            : null;
    }
}
