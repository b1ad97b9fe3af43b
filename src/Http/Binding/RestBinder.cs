using System.Text.Json.Serialization.Metadata;

namespace Hybrid.Http;

/// <summary>
/// The REST door's binder: the request object from the JSON body (POST/PUT/PATCH), a multipart form
/// for a request type with <see cref="HybridFile"/> members (fields bound as the action door binds
/// them), or nothing (GET/DELETE); then the query, header and route values
/// (<see cref="RestValueBinder{TRequest}"/>), whose mistakes join the body's in one answer. A body
/// that names a route- or header-bound member is refused rather than overwritten, so no client comes
/// to rely on which one wins.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
internal sealed class RestBinder<TRequest> : IRequestFilter
    where TRequest : class
{
    private readonly BodyReader<TRequest> _reader;
    private readonly RestValueBinder<TRequest> _values;
    private readonly JsonTypeInfo<TRequest> _bodyInfo;
    private readonly bool _readsBody;
    private readonly Func<TRequest>? _create;
    private readonly RawRequestMembers? _raw;

    public RestBinder(BodyReader<TRequest> reader, RestBinding binding, OperationCatalog catalog, JsonTypeInfo<TRequest> requestInfo, bool readsBody)
    {
        _reader = reader;
        _values = new RestValueBinder<TRequest>(binding, catalog.Json);
        _readsBody = readsBody;
        _bodyInfo = readsBody ? RestBodyJson.For(catalog.ReadingJson, binding, requestInfo) : requestInfo;
        _raw = readsBody ? RawRequestMembers.For(typeof(TRequest)) : null;
        var constructor = typeof(TRequest).GetConstructor(Type.EmptyTypes);
        if (constructor is not null)
        {
            _create = System.Linq.Expressions.Expression.Lambda<Func<TRequest>>(System.Linq.Expressions.Expression.New(constructor)).Compile();
        }
    }

    public PipelineStage Stage => PipelineStage.Bind;

    public async ValueTask<FilterDecision> OnRequestAsync(HybridFilterContext context)
    {
        var http = context.HttpContext;
        var input = context.Input;
        TRequest? argument;
        BindingErrors? errors;
        try
        {
            if (input == InputKind.Form)
            {
                (argument, errors) = await _reader.ReadFormAsync(http, context.Cancellation).ConfigureAwait(false);
                if (_values.FormNamesBoundMember(http.Request.Form) is { } named)
                {
                    (errors ??= new BindingErrors()).Add(named.JsonName, $"The {named.JsonName} value comes from the URL or a header; the form must not name it.");
                }
            }
            else if (input == InputKind.Json)
            {
                (argument, errors) = await _reader.ReadJsonAsync(http, _bodyInfo, context.Cancellation).ConfigureAwait(false);
            }
            else if (_readsBody || _create is null)
            {
                // No body on a route that reads one is {}, as on the action door, so a missing C# required member is named.
                (argument, errors) = _reader.ReadEmpty(_bodyInfo);
            }
            else
            {
                (argument, errors) = (_create(), null);
            }
        }
        catch (InvalidDataException e) when (input == InputKind.Form && FormLimits.IsExceeded(e))
        {
            return FilterDecision.Refuse(FormLimits.Problem());
        }
        catch (Exception e) when (UnreadableBody.Is(e, context.Cancellation))
        {
            return FilterDecision.Refuse(_reader.ProblemOf(e));
        }

        if (argument is not null && errors?.Refusal is null)
        {
            _raw?.Fill(argument, http);

            // The URL's, the query's and the headers' mistakes join the body's, in the same answer.
            errors = _values.BindValues(argument, http.Request, errors);
        }

        return _reader.Decide(http, argument, errors);
    }
}
