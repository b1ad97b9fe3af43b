using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Hybrid.Http;

/// <summary>
/// The <c>Location</c> of a 201 response, prepared at start-up: literal parts and typed getters of
/// the response's (then the request's) properties, joined per request.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The response type.</typeparam>
internal sealed partial class LocationTemplate<TRequest, TResponse>
{
    private readonly List<string> _literals = [];
    private readonly List<Func<TRequest, TResponse, object?>> _values = [];

    public LocationTemplate(string prefix, string template, RequestShape request, RequestShape response)
    {
        var position = 0;
        var literal = prefix;
        foreach (Match match in Placeholder().Matches(template))
        {
            _literals.Add(literal + template[position..match.Index]);
            literal = string.Empty;
            var name = match.Groups[1].Value;
            if (response.Find(name) is { } fromResponse)
            {
                var get = Accessors.BoxedGetter<TResponse>(fromResponse.Property);
                _values.Add((_, r) => get(r));
            }
            else
            {
                var get = Accessors.BoxedGetter<TRequest>(request.Find(name)!.Property);
                _values.Add((q, _) => get(q));
            }

            position = match.Index + match.Length;
        }

        _literals.Add(literal + template[position..]);
    }

    public string Resolve(TRequest request, TResponse response)
    {
        var builder = new StringBuilder(_literals[0]);
        for (var i = 0; i < _values.Count; i++)
        {
            var value = Convert.ToString(_values[i](request, response), CultureInfo.InvariantCulture) ?? string.Empty;
            builder.Append(Uri.EscapeDataString(value)).Append(_literals[i + 1]);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\{([^}:?=*]+)[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
