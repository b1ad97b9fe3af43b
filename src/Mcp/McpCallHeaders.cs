using System.Collections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Hybrid.Mcp;

/// <summary>
/// A tool call's request headers: the <c>/mcp</c> request's, read through rather than copied (a copy
/// was most of a call's own cost), except its body headers, which describe the JSON-RPC message:
/// the call's body is the arguments as JSON, with their length. What the pipeline or an app's code
/// sets on the call stays on the call.
/// </summary>
internal sealed class McpCallHeaders(IHeaderDictionary transport, long argumentsLength) : IHeaderDictionary
{
    private Dictionary<string, StringValues>? _own;
    private HashSet<string>? _removed;

    public long? ContentLength
    {
        get => TryGetValue(HeaderNames.ContentLength, out var value) && long.TryParse(value.ToString(), out var length) ? length : null;
        set => this[HeaderNames.ContentLength] = value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? StringValues.Empty;
    }

    public int Count => Keys.Count;

    public bool IsReadOnly => false;

    public ICollection<string> Keys => [.. this.Select(p => p.Key)];

    public ICollection<StringValues> Values => [.. this.Select(p => p.Value)];

    public StringValues this[string key]
    {
        get => TryGetValue(key, out var value) ? value : StringValues.Empty;
        set
        {
            (_own ??= new(StringComparer.OrdinalIgnoreCase))[key] = value;
            _removed?.Remove(key);
        }
    }

    public bool TryGetValue(string key, out StringValues value)
    {
        if (_own is not null && _own.TryGetValue(key, out value))
        {
            return true;
        }

        if (_removed?.Contains(key) == true)
        {
            value = StringValues.Empty;
            return false;
        }

        if (string.Equals(key, HeaderNames.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            value = "application/json";
            return true;
        }

        if (string.Equals(key, HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
        {
            value = argumentsLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }

        if (IsBodyHeader(key))
        {
            value = StringValues.Empty;
            return false;
        }

        return transport.TryGetValue(key, out value);
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public void Add(string key, StringValues value)
    {
        if (ContainsKey(key))
        {
            throw new ArgumentException($"The header '{key}' is already present.", nameof(key));
        }

        this[key] = value;
    }

    public void Add(KeyValuePair<string, StringValues> item) => Add(item.Key, item.Value);

    public bool Remove(string key)
    {
        var had = ContainsKey(key);
        _own?.Remove(key);
        (_removed ??= new(StringComparer.OrdinalIgnoreCase)).Add(key);
        return had;
    }

    public bool Remove(KeyValuePair<string, StringValues> item) => Contains(item) && Remove(item.Key);

    public bool Contains(KeyValuePair<string, StringValues> item) => TryGetValue(item.Key, out var value) && value == item.Value;

    public void Clear()
    {
        _own?.Clear();
        _removed ??= new(StringComparer.OrdinalIgnoreCase);
        foreach (var key in Keys)
        {
            _removed.Add(key);
        }
    }

    public void CopyTo(KeyValuePair<string, StringValues>[] array, int arrayIndex)
    {
        foreach (var pair in this)
        {
            array[arrayIndex++] = pair;
        }
    }

    public IEnumerator<KeyValuePair<string, StringValues>> GetEnumerator()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (_own is not null)
        {
            foreach (var pair in _own)
            {
                seen.Add(pair.Key);
                yield return pair;
            }
        }

        foreach (var name in (string[])[HeaderNames.ContentType, HeaderNames.ContentLength])
        {
            if (seen.Add(name) && TryGetValue(name, out var value))
            {
                yield return new(name, value);
            }
        }

        foreach (var pair in transport)
        {
            if (seen.Add(pair.Key) && !IsBodyHeader(pair.Key) && _removed?.Contains(pair.Key) != true)
            {
                yield return pair;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static bool IsBodyHeader(string name) =>
        string.Equals(name, HeaderNames.ContentType, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(name, HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(name, HeaderNames.ContentEncoding, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(name, HeaderNames.TransferEncoding, StringComparison.OrdinalIgnoreCase);
}
