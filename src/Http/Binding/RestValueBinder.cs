using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Hybrid.Http;

/// <summary>
/// Sets a REST request's members from its query values, its <c>[FromHeader]</c> headers and its route
/// values, in that order, after the body made the object: the URL has the last word, so a body can
/// never overwrite what the route names. A single-valued parameter given twice is refused rather than
/// read as its first or last value: two readers of one request (a proxy, a cache, the app) must never
/// see different values. The binders are made once per endpoint, so a request costs parsing only.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
internal sealed class RestValueBinder<TRequest>
{
    private readonly MemberBinder<TRequest>[] _routeBinders;
    private readonly string[] _routeNames;
    private readonly MemberBinder<TRequest>[] _queryBinders;
    private readonly bool[] _queryRequired;
    private readonly MemberBinder<TRequest>[] _headerBinders;
    private readonly string[] _headerNames;
    private readonly RequestMember[] _notInBody;

    public RestValueBinder(RestBinding binding, JsonSerializerOptions json)
    {
        _routeBinders = [.. binding.Route.Select(p => MemberBinder<TRequest>.Create(p.Member, json))];
        _queryBinders = [.. binding.Query.Select(m => MemberBinder<TRequest>.Create(m, json))];
        _queryRequired = [.. binding.Query.Select(m => m.IsRequiredInJson)];
        _routeNames = [.. binding.Route.Select(p => p.RouteName)];
        _headerBinders = [.. binding.Header.Select(h => MemberBinder<TRequest>.Create(h.Member, json))];
        _headerNames = [.. binding.Header.Select(h => h.HeaderName)];
        _notInBody = [.. binding.NotInBody];
    }

    /// <summary>
    /// Binds every query, header and route value onto <paramref name="argument"/>, adding each field
    /// that is missing or does not fit to <paramref name="errors"/> (made when the first is found), so
    /// the client fixes them all at once, together with the body's.
    /// </summary>
    public BindingErrors? BindValues(TRequest argument, HttpRequest request, BindingErrors? errors)
    {
        for (var i = 0; i < _queryBinders.Length; i++)
        {
            var binder = _queryBinders[i];
            if (request.Query.TryGetValue(binder.Name, out var values) && values.Count > 0)
            {
                if (Bind(binder, argument, values, "parameter", binder.Name) is { } error)
                {
                    (errors ??= new()).Add(binder.Name, error);
                }
            }
            else if (_queryRequired[i])
            {
                (errors ??= new()).Add(binder.Name, $"The {binder.Name} field is required.");
            }
        }

        for (var i = 0; i < _headerBinders.Length; i++)
        {
            var binder = _headerBinders[i];
            if (request.Headers.TryGetValue(_headerNames[i], out var values) && values.Count > 0)
            {
                if (Bind(binder, argument, values, "header", _headerNames[i]) is { } error)
                {
                    HeaderError(ref errors, i, error);
                }
            }
            else if (binder.Member.IsRequiredInJson)
            {
                HeaderError(ref errors, i, $"The {_headerNames[i]} header is required.");
            }
        }

        for (var i = 0; i < _routeBinders.Length; i++)
        {
            var text = Convert.ToString(request.RouteValues[_routeNames[i]], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            if (!_routeBinders[i].TryBind(argument, text))
            {
                (errors ??= new()).Add(_routeBinders[i].Name, _routeBinders[i].InvalidMessage(text));
            }
        }

        return errors;
    }

    /// <summary>A header's error is keyed by the header; its member is named too, so validation does not judge the default left in it.</summary>
    private void HeaderError(ref BindingErrors? errors, int i, string message)
    {
        errors ??= new();
        errors.Add(_headerNames[i], message);
        errors.Omit(_headerBinders[i].Name);
    }

    /// <summary>
    /// The first route- or header-bound member a form field or file part names: a form binds with the
    /// shared request contract, which does not refuse them as a JSON body's contract does.
    /// </summary>
    public RequestMember? FormNamesBoundMember(IFormCollection form)
    {
        foreach (var member in _notInBody)
        {
            if (form.Keys.Any(member.Matches) || form.Files.Any(f => member.Matches(f.Name)))
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>Binds a query parameter's or a header's values; the field error when they do not fit the member.</summary>
    private static string? Bind(MemberBinder<TRequest> binder, TRequest argument, StringValues values, string kind, string name)
    {
        if (binder.TakesMany)
        {
            return binder.TryBindAll(argument, values) ? null : binder.InvalidMessage(values);
        }

        if (values.Count > 1)
        {
            return $"The {name} {kind} must be given once.";
        }

        return binder.TryBind(argument, values[0] ?? string.Empty) ? null : binder.InvalidMessage(values);
    }
}
