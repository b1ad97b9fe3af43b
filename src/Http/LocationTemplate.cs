using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Hybrid.Http;

/// <summary>
/// The <c>Location</c> of a 201 response, prepared at start-up from the template the catalog checked
/// (parsed by the same route parser, so <c>{id:int}</c> works): literal parts and typed getters of
/// the response's (then the request's) properties, joined per request.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The response type.</typeparam>
internal sealed class LocationTemplate<TRequest, TResponse>
{
    private readonly List<string> _literals = [];
    private readonly List<Func<TRequest, TResponse, object?>> _values = [];

    public LocationTemplate(string prefix, string template, RequestShape request, RequestShape response)
    {
        var literal = new StringBuilder(prefix);
        var pattern = RouteTemplates.Parse(template);
        for (var i = 0; i < pattern.PathSegments.Count; i++)
        {
            if (i > 0)
            {
                literal.Append('/');
            }

            foreach (var part in pattern.PathSegments[i].Parts)
            {
                switch (part)
                {
                    case RoutePatternParameterPart parameter:
                        _literals.Add(literal.ToString());
                        literal.Clear();
                        _values.Add(Getter(parameter.Name, request, response));
                        break;
                    case RoutePatternLiteralPart text:
                        literal.Append(text.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        literal.Append(separator.Content);
                        break;
                }
            }
        }

        _literals.Add(literal.ToString());
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

    private static Func<TRequest, TResponse, object?> Getter(string name, RequestShape request, RequestShape response)
    {
        if (response.Find(name) is { } fromResponse)
        {
            var get = Accessors.BoxedGetter<TResponse>(fromResponse.Property);
            return (_, r) => get(r);
        }

        var fromRequest = Accessors.BoxedGetter<TRequest>(request.Find(name)!.Property);
        return (q, _) => fromRequest(q);
    }
}
