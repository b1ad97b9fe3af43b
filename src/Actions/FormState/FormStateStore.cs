using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Distributed;

namespace Hybrid.Actions;

/// <summary>
/// Keeps a failed form's state that does not fit the cookie in <see cref="IDistributedCache"/> (the
/// in-memory one <c>AddHybrid</c> registers, Redis after <c>AddHybridRedis</c>), so a long text the
/// user typed survives the 303. Each client owns <see cref="SlotsPerOwner"/> fixed keys (the signed-in
/// user, else the address it connects from) and a new state overwrites one of them, so one client can
/// hold at most <see cref="SlotsPerOwner"/> × <see cref="MaxEntryBytes"/> in the store however often it
/// posts, on one instance or many. An entry is read once, and lives <see cref="FormStateCookie.Lifetime"/>.
/// </summary>
internal sealed class FormStateStore(IDistributedCache cache)
{
    /// <summary>How many states one client may have waiting at once: several tabs failing together each keep theirs.</summary>
    public const int SlotsPerOwner = 16;

    /// <summary>The largest state kept (before its nonce): a long article with its errors, not an upload.</summary>
    public const int MaxEntryBytes = 64 * 1024;

    private const string KeyPrefix = "Hybrid.FormState:";
    private const int NonceBytes = 16;

    /// <summary>Stores <paramref name="payload"/> and returns the reference the cookie carries (its key and nonce).</summary>
    public async Task<StoredState> PutAsync(HttpContext context, byte[] payload, CancellationToken cancellationToken)
    {
        var key = KeyPrefix + Owner(context) + ":" + RandomNumberGenerator.GetInt32(SlotsPerOwner).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var entry = new byte[NonceBytes + payload.Length];
        nonce.CopyTo(entry, 0);
        payload.CopyTo(entry, NonceBytes);
        await cache.SetAsync(key, entry, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = FormStateCookie.Lifetime }, cancellationToken).ConfigureAwait(false);
        return new StoredState(key, WebEncoders.Base64UrlEncode(nonce));
    }

    /// <summary>
    /// The payload stored under <paramref name="stored"/>, removed as it is read; null when it expired,
    /// was overwritten by a later state of the same client, or was never there.
    /// </summary>
    public byte[]? Take(StoredState stored)
    {
        if (!stored.Key.StartsWith(KeyPrefix, StringComparison.Ordinal) || Decode(stored.Nonce) is not { Length: NonceBytes } nonce)
        {
            return null;
        }

        var entry = cache.Get(stored.Key);
        if (entry is null || entry.Length < NonceBytes ||
            !CryptographicOperations.FixedTimeEquals(entry.AsSpan(0, NonceBytes), nonce))
        {
            return null;
        }

        cache.Remove(stored.Key);
        return entry[NonceBytes..];
    }

    private static byte[]? Decode(string nonce)
    {
        try
        {
            return WebEncoders.Base64UrlDecode(nonce);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Who the slots belong to, hashed (the key names no user and no address): the signed-in user's
    /// id, else the client's address (an IPv6 client by its /64, which one client holds whole).
    /// </summary>
    private static string Owner(HttpContext context)
    {
        var user = context.User;
        var id = user.Identity?.IsAuthenticated == true
            ? "u:" + (user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity.Name ?? string.Empty)
            : "a:" + Network(context.Connection.RemoteIpAddress);
        return WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(id)).AsSpan(0, 12));
    }

    private static string Network(IPAddress? address)
    {
        if (address is null)
        {
            return string.Empty;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return new IPAddress(bytes).ToString();
    }
}

/// <summary>Where a state kept in the store is: its cache key and the nonce that proves the cookie was issued for that entry.</summary>
internal sealed record StoredState(string Key, string Nonce);
