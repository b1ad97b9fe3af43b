using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hybrid.Actions;

/// <summary>
/// Carries a failed form's state across the 303 in one cookie: protected (and time-limited) with
/// ASP.NET Core Data Protection so a client can neither read another's nor forge one, read once (the
/// read deletes it) and expiring after <see cref="Lifetime"/>. A state of at most
/// <see cref="MaxPayload"/> bytes travels in the cookie itself, so it always fits a browser's 4 KB
/// cookie; a larger one is kept in the server's <see cref="FormStateStore"/> and the cookie carries
/// only where (its key and nonce), so a long text comes back whole. Only when there is no store, or
/// it fails, are the longest values dropped until the state fits the cookie.
/// </summary>
internal sealed partial class FormStateCookie(IDataProtectionProvider protection, FormStateStore? store, ILogger logger)
{
    public const string CookieName = FormStateCookieName.Value;

    /// <summary>Long enough for a redirect and a page render on a slow link, short enough to be useless later.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Protection adds a header and base64 adds a third: 2 KB of state stays well under 4 KB of cookie.</summary>
    public const int MaxPayload = 2048;

    private const string Purpose = "Hybrid.Actions.FormState.v1";
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    /// <summary>The door's cookie, with the app's distributed cache as its store; null without Data Protection (no state is kept).</summary>
    public static FormStateCookie? From(IServiceProvider services) =>
        services.GetService<IDataProtectionProvider>() is { } protection
            ? new FormStateCookie(
                protection,
                services.GetService<IDistributedCache>() is { } cache ? new FormStateStore(cache) : null,
                services.GetService<ILoggerFactory>()?.CreateLogger("Hybrid.Actions.Forms") ?? NullLogger.Instance)
            : null;

    /// <summary>Sets the cookie that carries <paramref name="state"/> to the form's page.</summary>
    /// <param name="context">The request.</param>
    /// <param name="state">The form's state.</param>
    /// <param name="cancellationToken">What may stop storing a state too large for the cookie (the request's token, or none once the handler ran).</param>
    public async Task WriteAsync(HttpContext context, HybridFormState state, CancellationToken cancellationToken)
    {
        var payload = Serialize(state, int.MaxValue);
        if (payload.Length > MaxPayload)
        {
            payload = await StoreLargeAsync(context, state, payload, cancellationToken).ConfigureAwait(false);
        }

        var cookie = WebEncoders.Base64UrlEncode(_protector.Protect(payload, Lifetime));
        context.Response.Cookies.Append(CookieName, cookie, Options(context, Lifetime));
    }

    public HybridFormState? Read(HttpContext context)
    {
        if (TryCached(context, out var cached))
        {
            return cached;
        }

        HybridFormState? state = null;
        if (context.Request.Cookies.TryGetValue(CookieName, out var cookie) && !string.IsNullOrEmpty(cookie))
        {
            context.Response.Cookies.Delete(CookieName, Options(context, TimeSpan.Zero));
            try
            {
                var payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(cookie));
                state = Reference(payload) is { } stored ? Take(stored) : Deserialize(payload);
            }
            catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException or JsonException or InvalidOperationException or KeyNotFoundException)
            {
                state = null; // Forged, expired, from another key ring: as if there were none.
            }
        }

        context.Items[typeof(FormStateCookie)] = state;
        return state;
    }

    /// <summary>
    /// The cookie's payload for a state too large for it: a reference to the state kept in the store
    /// (at most <see cref="FormStateStore.MaxEntryBytes"/>, longest values dropped beyond that); without
    /// a store, or when it fails, the state trimmed to fit the cookie.
    /// </summary>
    private async Task<byte[]> StoreLargeAsync(HttpContext context, HybridFormState state, byte[] payload, CancellationToken cancellationToken)
    {
        if (store is not null)
        {
            try
            {
                var stored = await store.PutAsync(context, payload.Length <= FormStateStore.MaxEntryBytes ? payload : Serialize(state, FormStateStore.MaxEntryBytes), cancellationToken).ConfigureAwait(false);
                return WriteReference(stored);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                StateNotStored(logger, e);
            }
        }

        return Serialize(state, MaxPayload);
    }

    private HybridFormState? Take(StoredState stored)
    {
        byte[]? payload;
        try
        {
            payload = store?.Take(stored);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            NotRead(logger, e);
            return null;
        }

        return payload is null ? null : Deserialize(payload);
    }

    [LoggerMessage(EventId = 81, Level = LogLevel.Warning, Message = "A failed form's state did not fit its cookie and the distributed cache did not keep it; the longest values were dropped.")]
    private static partial void StateNotStored(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 82, Level = LogLevel.Warning, Message = "A failed form's state could not be read from the distributed cache; the form renders empty.")]
    private static partial void NotRead(ILogger logger, Exception exception);

    /// <summary>The state this request already read, if it read it: a page with many forms unprotects once.</summary>
    public static bool TryCached(HttpContext context, out HybridFormState? state)
    {
        var found = context.Items.TryGetValue(typeof(FormStateCookie), out var cached);
        state = cached as HybridFormState;
        return found;
    }

    private static CookieOptions Options(HttpContext context, TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        IsEssential = true,
        MaxAge = lifetime,
    };

    /// <summary>The state as compact JSON; values are dropped, longest first, until it fits <paramref name="limit"/> bytes, then errors.</summary>
    private static byte[] Serialize(HybridFormState state, int limit)
    {
        var values = new Dictionary<string, string[]>(state.Values, StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(state.Errors, StringComparer.Ordinal);
        while (true)
        {
            var bytes = Write(state, values, errors);
            if (bytes.Length <= limit)
            {
                return bytes;
            }

            if (values.Count > 0)
            {
                values.Remove(values.MaxBy(p => p.Value.Sum(v => v.Length)).Key);
            }
            else if (errors.Count > 0)
            {
                errors.Remove(errors.MaxBy(p => p.Value.Sum(m => m.Length)).Key);
            }
            else
            {
                return Write(new HybridFormState(state.ActionId, values, errors, null, state.Code), values, errors);
            }
        }
    }

    private static byte[] Write(HybridFormState state, Dictionary<string, string[]> values, Dictionary<string, string[]> errors)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("a", state.ActionId);
            writer.WriteString("c", state.Code);
            if (state.Message is not null)
            {
                writer.WriteString("m", state.Message);
            }

            writer.WriteStartObject("v");
            foreach (var (name, posted) in values)
            {
                // One value as a string keeps the common form small; a repeated name as an array.
                if (posted is [var single])
                {
                    writer.WriteString(name, single);
                    continue;
                }

                writer.WriteStartArray(name);
                foreach (var value in posted)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("e");
            foreach (var (name, messages) in errors)
            {
                writer.WriteStartArray(name);
                foreach (var message in messages)
                {
                    writer.WriteStringValue(message);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>A reference is <c>{"r": key, "n": nonce}</c>; a state always has <c>"a"</c>.</summary>
    private static byte[] WriteReference(StoredState stored)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("r", stored.Key);
            writer.WriteString("n", stored.Nonce);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static StoredState? Reference(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        return root.TryGetProperty("r", out var key) && root.TryGetProperty("n", out var nonce)
            ? new StoredState(key.GetString() ?? "", nonce.GetString() ?? "")
            : null;
    }

    private static HybridFormState Deserialize(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var values = root.GetProperty("v").EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.Array ? [.. p.Value.EnumerateArray().Select(v => v.GetString() ?? "")] : new[] { p.Value.GetString() ?? "" },
            StringComparer.Ordinal);
        var errors = root.GetProperty("e").EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.EnumerateArray().Select(m => m.GetString() ?? "").ToArray(),
            StringComparer.Ordinal);
        return new HybridFormState(
            root.GetProperty("a").GetString() ?? "",
            values,
            errors,
            root.TryGetProperty("m", out var message) ? message.GetString() : null,
            root.GetProperty("c").GetString() ?? "");
    }

    /// <summary>Never echoed back: what a password field or a password-typed member holds.</summary>
    public static bool IsSecret(string field, RequestShape shape)
    {
        if (field.Contains("password", StringComparison.OrdinalIgnoreCase) || field.Contains("secret", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var member = shape.Find(field);
        return member is not null && (
            member.Property.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.DataTypeAttribute), inherit: true)
                .OfType<System.ComponentModel.DataAnnotations.DataTypeAttribute>().Any(d => d.DataType == System.ComponentModel.DataAnnotations.DataType.Password) ||
            member.Property.IsDefined(typeof(System.ComponentModel.PasswordPropertyTextAttribute), inherit: true));
    }
}
