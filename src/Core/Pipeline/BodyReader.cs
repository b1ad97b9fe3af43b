using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hybrid;

/// <summary>
/// What both doors' binders share to make a <typeparamref name="TRequest"/>: a JSON body read strictly
/// (<see cref="JsonBody"/>, every mistake named), an HTML form bound as MVC binds one
/// (<see cref="FormBinder{TRequest}"/>), or no body, read as <c>{}</c>; and what that made, as the
/// binder's decision. Made once with the endpoint.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
internal sealed class BodyReader<TRequest>
    where TRequest : class
{
    private readonly RequestShape _shape;
    private readonly JsonTypeInfo<TRequest> _formInfo;
    private readonly ObjectValidator _validator;
    private readonly Func<JsonException, JsonObject?, OperationProblem> _problemOf;
    private readonly int _maxFiles;
    private readonly ILogger _logger;
    private readonly string _door;
    private FormBinder<TRequest>? _form;

    /// <param name="shape">The request type's members.</param>
    /// <param name="formInfo">The JSON metadata a form's fields are read with.</param>
    /// <param name="validators">The catalog's validators: what did bind is judged with the fields that did not.</param>
    /// <param name="maxFiles">The most file parts one form may upload.</param>
    /// <param name="logger">Where ignored form fields are logged.</param>
    /// <param name="door">The door, for the log.</param>
    /// <param name="problemOf">
    /// The field errors (or the refusal) a <see cref="JsonException"/> from reading a body means, given
    /// the body as read when it is a JSON object; null for <see cref="JsonBodyErrors"/>, a door adds its own exceptions.
    /// </param>
    public BodyReader(RequestShape shape, JsonTypeInfo<TRequest> formInfo, Validators validators, int maxFiles, ILogger logger, string door, Func<JsonException, JsonObject?, OperationProblem>? problemOf = null)
    {
        _shape = shape;
        _formInfo = formInfo;
        _validator = validators.For(typeof(TRequest));
        _maxFiles = maxFiles;
        _logger = logger;
        _door = door;
        _problemOf = problemOf ?? ((exception, body) => JsonBodyErrors.ToProblem(exception, shape, body));
    }

    /// <summary>Reads a JSON body with <paramref name="info"/>, every mistake named.</summary>
    public ValueTask<(TRequest? Request, BindingErrors? Errors)> ReadJsonAsync(HttpContext context, JsonTypeInfo<TRequest> info, CancellationToken cancellationToken) =>
        JsonBody.ReadAsync(context.Request, info, _problemOf, cancellationToken);

    /// <summary>The request a missing body makes, as <c>{}</c> does (<see cref="JsonBody.Empty{T}"/>).</summary>
    public (TRequest? Request, BindingErrors? Errors) ReadEmpty(JsonTypeInfo<TRequest> info) => JsonBody.Empty(info, _problemOf);

    /// <summary>
    /// Reads the form and binds it: more file parts than the endpoint's most files is 413. Fields and
    /// file parts that bind to nothing are ignored, as MVC's model binding ignores them (a named submit
    /// button, a field the page added for its own script), and logged at Debug; a JSON body stays
    /// strict. A form over ASP.NET Core's form limits throws, for the binder to answer.
    /// </summary>
    public async ValueTask<(TRequest? Request, BindingErrors? Errors)> ReadFormAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        if (form.Files.Count > _maxFiles)
        {
            var errors = new BindingErrors();
            errors.Refuse(OperationProblem.Create(413, ProblemCodes.PayloadTooLarge, $"The request uploads {form.Files.Count} files, and this endpoint accepts at most {_maxFiles}."));
            return (null, errors);
        }

        // Made on the first form this endpoint reads: most endpoints are only ever sent JSON.
        var binder = _form ??= new FormBinder<TRequest>(_shape, _formInfo);
        var request = binder.Bind(form, out var found, out var unbound);
        if (unbound.Count > 0)
        {
            LogUnknown(unbound);
        }

        return (request, found);
    }

    /// <summary>
    /// What binding made, as the binder's decision: the request; or, when fields did not fit, one
    /// <c>validation_failed</c> naming each of them together with what validation finds in the members
    /// that did bind (members only), so one submit reports every problem; or the refusal of the whole body.
    /// </summary>
    public FilterDecision Decide(HttpContext context, TRequest? request, BindingErrors? errors)
    {
        if (errors?.Refusal is { } refusal)
        {
            return FilterDecision.Refuse(refusal);
        }

        if (errors is { Any: true })
        {
            if (request is not null)
            {
                errors.AddFound(_validator.Validate(request, context.RequestServices, whole: false));
            }

            return FilterDecision.Refuse(errors.ToProblem());
        }

        return request is null ? FilterDecision.Refuse(OperationProblem.InvalidJson(null)) : FilterDecision.Bound(request);
    }

    /// <summary>At most 20 names: the log line says what was dropped, not everything a client can send.</summary>
    private void LogUnknown(IReadOnlyList<string> unbound)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var fields = string.Join(", ", unbound.Take(20));
            Log.UnknownFormFields(_logger, _door, typeof(TRequest).Name, unbound.Count, fields);
        }
    }

    /// <summary>The problem for a body <see cref="UnreadableBody.Is"/> accepted.</summary>
    public OperationProblem ProblemOf(Exception exception) =>
        exception is JsonException json ? _problemOf(json, null) : UnreadableBody.ProblemOf(exception);
}
