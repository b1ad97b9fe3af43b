using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Hybrid.Actions;

/// <summary>
/// Carries a failed form's state across the 303 in one cookie: protected (and time-limited) with
/// ASP.NET Core Data Protection so a client can neither read another's nor forge one, bounded to
/// <see cref="MaxPayload"/> bytes before protection so it always fits a browser's 4 KB cookie, read
/// once (the read deletes it) and expiring after <see cref="Lifetime"/>.
/// </summary>
internal sealed class FormStateCookie(IDataProtectionProvider protection)
{
    public const string CookieName = FormStateCookieName.Value;

    /// <summary>Long enough for a redirect and a page render on a slow link, short enough to be useless later.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Protection adds a header and base64 adds a third: 2 KB of state stays well under 4 KB of cookie.</summary>
    public const int MaxPayload = 2048;

    private const string Purpose = "Hybrid.Actions.FormState.v1";
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public void Write(HttpContext context, HybridFormState state)
    {
        var payload = Serialize(state);
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
                state = Deserialize(_protector.Unprotect(WebEncoders.Base64UrlDecode(cookie)));
            }
            catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException or JsonException or InvalidOperationException)
            {
                state = null; // Forged, expired, from another key ring: as if there were none.
            }
        }

        context.Items[typeof(FormStateCookie)] = state;
        return state;
    }

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

    /// <summary>The state as compact JSON; values are dropped, longest first, until it fits <see cref="MaxPayload"/>, then errors are shortened.</summary>
    private static byte[] Serialize(HybridFormState state)
    {
        var values = new Dictionary<string, string[]>(state.Values, StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(state.Errors, StringComparer.Ordinal);
        while (true)
        {
            var bytes = Write(state, values, errors);
            if (bytes.Length <= MaxPayload)
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
