using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hybrid;

/// <summary>
/// What every door's endpoint for one operation holds and does. <see cref="HandleAsync"/> is the
/// endpoint's precompiled <see cref="RequestDelegate"/> and the door's one request template: the
/// door's guards run first (body limits, webhook signatures, idempotent retries: a refusal, an
/// answer of their own, or through), then the door binds (a request or a problem), the shared
/// pipeline runs, and the door's one responder writes the answer; the guards finish after it.
/// Telemetry (one activity, one duration with the outcome) and the last-resort 500 live here, once
/// for every door and every answer. Every per-operation setting comes from the endpoint's locked
/// <see cref="EndpointSettings"/>.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal abstract class DoorEndpoint<TRequest, TResponse> : IDoorEndpoint
    where TRequest : class
{
    private readonly ILogger _logger;
    private readonly HybridMetrics _metrics;
    private readonly string _activityName;
    private readonly TagList _tags;
    private readonly HybridEndpointMetadata _endpoint;
    private readonly EndpointSettingsStore _store;
    private readonly bool _development;
    private readonly Validators _validators;
    private readonly IRequestDispatcher _dispatcher;
    private readonly ILogger _pipelineLogger;
    private readonly HybridOptions _options;
    private EndpointSettings? _settings;
    private bool _timeoutSeen;
    private OperationInvoker<TRequest, TResponse>? _invoker;
    private FormBinder<TRequest>? _form;

    protected DoorEndpoint(HybridEndpointMetadata endpoint, OperationCatalog catalog, IServiceProvider services)
    {
        var loggers = services.GetRequiredService<ILoggerFactory>();
        _endpoint = endpoint;
        _store = services.GetRequiredService<EndpointSettingsStore>();
        Operation = endpoint.Operation;
        Door = endpoint.Door;
        Json = catalog.Json;
        Shape = catalog.ShapeOf(Operation);
        _development = services.GetService<IHostEnvironment>()?.IsDevelopment() == true;
        _validators = catalog.Validators;
        _dispatcher = services.GetRequiredService<IRequestDispatcher>();
        _pipelineLogger = loggers.CreateLogger("Hybrid.Pipeline");
        _options = services.GetRequiredService<IOptions<HybridOptions>>().Value;
        RequestInfo = (JsonTypeInfo<TRequest>)catalog.ReadingJson.GetTypeInfo(typeof(TRequest));
        ResponseInfo = (JsonTypeInfo<TResponse>)catalog.Json.GetTypeInfo(typeof(TResponse));
        _logger = loggers.CreateLogger("Hybrid.Doors");
        _metrics = services.GetRequiredService<HybridMetrics>();
        _activityName = "Hybrid " + Door + " " + typeof(TRequest).Name;
        _tags = new TagList
        {
            { HybridTelemetry.OperationTag, typeof(TRequest).Name },
            { HybridTelemetry.DoorTag, Door },
        };
    }

    public HybridOperation Operation { get; }

    public string Door { get; }

    protected JsonSerializerOptions Json { get; }

    protected RequestShape Shape { get; }

    /// <summary>The pipeline, made with the endpoint's settings (its declared problems) on the first request.</summary>
    protected OperationInvoker<TRequest, TResponse> Invoker => _invoker ??= new OperationInvoker<TRequest, TResponse>(
        _validators,
        _dispatcher,
        _pipelineLogger,
        _options,
        !_development ? null : Settings.Problems.Select(p => p.Code).Append(ProblemCodes.ValidationFailed).ToHashSet(StringComparer.Ordinal));

    protected JsonTypeInfo<TRequest> RequestInfo { get; }

    protected JsonTypeInfo<TResponse> ResponseInfo { get; }

    /// <summary>The endpoint's settings, locked: set before anything else runs on the first request.</summary>
    protected EndpointSettings Settings => _settings!;

    /// <summary>The form binder, made on the first form this endpoint reads.</summary>
    protected FormBinder<TRequest> Form => _form ??= new FormBinder<TRequest>(Shape, RequestInfo);

    public async Task HandleAsync(HttpContext context)
    {
        var settings = _settings ?? Settle(context);
        if (settings.Timeout is not null && !_timeoutSeen)
        {
            SeeTimeout(context, settings.Timeout);
        }

        var started = Stopwatch.GetTimestamp();
        using var activity = HybridTelemetry.Source.StartActivity(_activityName, ActivityKind.Internal);
        activity?.SetTag(HybridTelemetry.OperationTag, typeof(TRequest).Name);
        activity?.SetTag(HybridTelemetry.DoorTag, Door);
        string? errorType = null;
        string? guardOutcome = null;
        GuardEntry entry = default;
        try
        {
            entry = await EnterAsync(context, settings).ConfigureAwait(false);
            if (entry.Answer is { } answer)
            {
                guardOutcome = answer.Outcome;
                await answer.WriteAsync(context).ConfigureAwait(false);
                return;
            }

            Bound<TRequest> bound;
            Outcome<TResponse> outcome;
            if (entry.Refusal is { } refusal)
            {
                guardOutcome = "refused";
                Log.Rejected(_logger, Door, refusal.Status, refusal.Code);
                bound = Bound<TRequest>.Refused(refusal);
                outcome = Outcome<TResponse>.Failure(refusal);
            }
            else
            {
                bound = await BindAsync(context).ConfigureAwait(false);
                if (bound.Problem is not null)
                {
                    Log.Rejected(_logger, Door, bound.Problem.Status, bound.Problem.Code);
                    outcome = Outcome<TResponse>.Failure(bound.Problem);
                }
                else if (await CheckPreconditionsAsync(context, bound).ConfigureAwait(false) is { } refused)
                {
                    Log.Rejected(_logger, Door, refused.Status, refused.Code);
                    outcome = Outcome<TResponse>.Failure(refused);
                }
                else
                {
                    outcome = await Invoker.InvokeAsync(bound.Request!, context).ConfigureAwait(false);

                    // The handler has returned, so whatever it wrote is written. A client that leaves now
                    // must not cut short what follows: the eviction of what it made stale, its answer, and
                    // that answer stored for its Idempotency-Key (else the retry runs it a second time).
                    context.RequestAborted = CancellationToken.None;
                }

                if (outcome.Problem is null && settings.Revalidation is { } revalidation)
                {
                    await revalidation.RunAsync(context, bound.Request!, outcome.Value, _logger, _metrics).ConfigureAwait(false);
                }
            }

            errorType = outcome.ErrorType;
            if (outcome.Problem is { } problem)
            {
                activity?.SetStatus(ActivityStatusCode.Error, problem.Code);
                activity?.SetTag(HybridTelemetry.ErrorTypeTag, errorType);
            }

            await RespondAsync(context, bound, outcome).ConfigureAwait(false);
            if (entry.Exit is { } exit)
            {
                await exit.CompleteAsync(context).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            errorType = "canceled";
            if (settings.Timeout is { } timeout && TimedOut(context) && !context.Response.HasStarted)
            {
                errorType = "timeout";
                activity?.SetStatus(ActivityStatusCode.Error, ProblemCodes.RequestTimeout);
                await AnswerTimeoutAsync(context, timeout).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            // A fault in a guard, binding or writing (never in the handler: the invoker catches those).
            // The client learns a trace id only.
            errorType = e.GetType().FullName;
            activity?.AddException(e);
            activity?.SetStatus(ActivityStatusCode.Error, ProblemCodes.InternalError);
            Log.UnexpectedFailure(_logger, e, typeof(TRequest).Name, Activity.Current?.Id ?? context.TraceIdentifier);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await ProblemWriter.WriteAsync(context, OperationProblem.Internal()).ConfigureAwait(false);
            }
        }
        finally
        {
            if (entry.Exit is { } exit)
            {
                await LeaveAsync(exit).ConfigureAwait(false);
            }

            if (entry.Guard is { } guard)
            {
                activity?.SetTag(HybridTelemetry.GuardTag, guard);
                activity?.SetTag(HybridTelemetry.GuardOutcomeTag, guardOutcome);
            }

            if (_metrics.RequestDuration.Enabled)
            {
                var tags = _tags;
                if (errorType is not null)
                {
                    tags.Add(HybridTelemetry.ErrorTypeTag, errorType);
                }

                if (entry.Guard is not null)
                {
                    tags.Add(HybridTelemetry.GuardTag, entry.Guard);
                    tags.Add(HybridTelemetry.GuardOutcomeTag, guardOutcome);
                }

                _metrics.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            }
        }
    }

    /// <summary>
    /// The endpoint's settings on its first request: those the start-up check locked, else (a host
    /// that runs no startup filters) resolved now from the routed endpoint's final metadata.
    /// </summary>
    private EndpointSettings Settle(HttpContext context)
    {
        var settings = _store.Of(_endpoint, context.GetEndpoint()?.Metadata ?? (IReadOnlyList<object>)[]);
        Volatile.Write(ref _settings, settings);
        return settings;
    }

    /// <summary>Whether the request timeouts middleware's timer, not the client, cancelled the request.</summary>
    private static bool TimedOut(HttpContext context) =>
        context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;

    /// <summary>
    /// The timeout's answer is Hybrid's problem, not the middleware's empty status: written here, with
    /// the request's token set aside (it is the cancelled one; the middleware restores the client's).
    /// </summary>
    private async Task AnswerTimeoutAsync(HttpContext context, EndpointTimeout timeout)
    {
        Log.TimedOut(_logger, typeof(TRequest).Name, timeout.StatusCode);
        context.RequestAborted = CancellationToken.None;
        context.Response.Clear();
        await ProblemWriter.WriteAsync(context, OperationProblem.TimedOut(timeout.StatusCode)).ConfigureAwait(false);
    }

    /// <summary>
    /// HYB077 once per endpoint: a declared timeout the middleware did not apply (no
    /// <c>UseRequestTimeouts()</c>, or it runs before routing). The middleware applies none while a
    /// debugger is attached, by design.
    /// </summary>
    private void SeeTimeout(HttpContext context, EndpointTimeout timeout)
    {
        _timeoutSeen = true;
        if (context.Features.Get<IHttpRequestTimeoutFeature>() is null && !Debugger.IsAttached)
        {
            Log.TimeoutNotApplied(_logger, typeof(TRequest).Name, timeout.ToString());
        }
    }

    private async ValueTask LeaveAsync(IGuardExit exit)
    {
        try
        {
            await exit.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The answer is sent; what could not be undone (a claimed key) expires on its own.
            Log.UnexpectedFailure(_logger, e, typeof(TRequest).Name, Activity.Current?.Id ?? "none");
        }
    }

    /// <summary>
    /// The door's guards, before binding: a refusal, an answer of their own, or through (with what to
    /// finish after the answer). None by default.
    /// </summary>
    protected virtual ValueTask<GuardEntry> EnterAsync(HttpContext context, EndpointSettings settings) => default;

    /// <summary>Reads the request: its arguments, or the problem that refuses it before the handler.</summary>
    protected abstract ValueTask<Bound<TRequest>> BindAsync(HttpContext context);

    /// <summary>
    /// Judges what must hold before the handler runs on a bound request (a REST write's
    /// <c>If-Match</c>): a problem refuses it and the handler never runs. None by default.
    /// </summary>
    protected virtual ValueTask<OperationProblem?> CheckPreconditionsAsync(HttpContext context, Bound<TRequest> bound) => default;

    /// <summary>The door's one responder: the only place that writes this endpoint's response.</summary>
    protected abstract Task RespondAsync(HttpContext context, Bound<TRequest> bound, Outcome<TResponse> outcome);

    /// <summary>
    /// Applies the endpoint's body limit to the request (the one mechanism both doors and the body
    /// buffer use): <see cref="BodyLimits.Apply"/>; false when its declared length is already over it.
    /// </summary>
    protected bool ApplyBodyLimit(HttpContext context) => BodyLimits.Apply(context, Settings.BodyLimit);

    /// <summary>
    /// Reads the form and binds it (<see cref="FormBinder{TRequest}"/>): more file parts than the
    /// endpoint's most files is 413. Fields and file parts that bind to nothing are ignored, as MVC's
    /// model binding ignores them (a named submit button, a field the page added for its own script),
    /// and logged at Debug; a JSON body stays strict. A form over ASP.NET Core's form limits throws,
    /// for the door to answer.
    /// </summary>
    protected async ValueTask<(TRequest? Request, BindingErrors? Errors)> ReadFormAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (form.Files.Count > Settings.MaxFiles)
        {
            var errors = new BindingErrors();
            errors.Refuse(OperationProblem.Create(413, ProblemCodes.PayloadTooLarge, $"The request uploads {form.Files.Count} files, and this endpoint accepts at most {Settings.MaxFiles}."));
            return (null, errors);
        }

        var request = Form.Bind(form, out var found, out var unbound);
        if (unbound.Count > 0)
        {
            LogUnknown(unbound);
        }

        return (request, found);
    }

    /// <summary>At most 20 names: the log line says what was dropped, not everything a client can send.</summary>
    private void LogUnknown(IReadOnlyList<string> unbound)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var fields = string.Join(", ", unbound.Take(20));
            Log.UnknownFormFields(_logger, Door, typeof(TRequest).Name, unbound.Count, fields);
        }
    }

    /// <summary>Binds a form (<see cref="ReadFormAsync"/>) and answers as <see cref="Finish"/> does.</summary>
    protected async ValueTask<Bound<TRequest>> BindFormAsync(HttpContext context)
    {
        var (request, errors) = await ReadFormAsync(context).ConfigureAwait(false);
        return Finish(context, request, errors, InputKind.Form);
    }

    /// <summary>Reads a JSON body with <paramref name="info"/>, every mistake named (<see cref="JsonBody"/>).</summary>
    protected ValueTask<(TRequest? Request, BindingErrors? Errors)> ReadJsonAsync(HttpContext context, JsonTypeInfo<TRequest> info) =>
        JsonBody.ReadAsync(context.Request, info, ProblemOf, context.RequestAborted);

    /// <summary>The request a missing body makes, as <c>{}</c> does (<see cref="JsonBody.Empty{T}"/>).</summary>
    protected (TRequest? Request, BindingErrors? Errors) ReadEmpty(JsonTypeInfo<TRequest> info) => JsonBody.Empty(info, ProblemOf);

    /// <summary>
    /// What binding made, as the door's answer: the request; or, when fields did not fit, one
    /// <c>validation_failed</c> naming each of them together with what validation finds in the members
    /// that did bind (<see cref="ObjectValidator"/>, members only), so one submit reports every
    /// problem; or the refusal of the whole body.
    /// </summary>
    protected Bound<TRequest> Finish(HttpContext context, TRequest? request, BindingErrors? errors, InputKind input)
    {
        if (errors?.Refusal is { } refusal)
        {
            return Bound<TRequest>.Refused(refusal, input);
        }

        if (errors is { Any: true })
        {
            if (request is not null)
            {
                errors.AddFound(_validators.For(typeof(TRequest)).Validate(request, context.RequestServices, whole: false));
            }

            return Bound<TRequest>.Refused(errors.ToProblem(), input);
        }

        return request is null
            ? Bound<TRequest>.Refused(OperationProblem.InvalidJson(null), input)
            : new Bound<TRequest>(request, null, input);
    }

    /// <summary>The field errors (or the refusal) a <see cref="JsonException"/> from reading a body means; a door adds its own exceptions.</summary>
    /// <param name="exception">What the serializer threw.</param>
    /// <param name="body">The body as read, when it is a JSON object: the value that did not fit is looked up in it.</param>
    protected virtual OperationProblem ProblemOf(JsonException exception, System.Text.Json.Nodes.JsonObject? body) => JsonBodyErrors.ToProblem(exception, Shape, body);

    /// <summary>
    /// True for what reading a body throws when the client sent something unreadable: bad JSON, a body
    /// over the limit, malformed framing, a malformed or truncated form. Not when the client went away.
    /// </summary>
    protected static bool IsUnreadableBody(Exception exception, HttpContext context) =>
        exception is JsonException or BadHttpRequestException or InvalidDataException ||
        (exception is IOException && !context.RequestAborted.IsCancellationRequested);

    /// <summary>The problem for an exception <see cref="IsUnreadableBody"/> accepted.</summary>
    protected OperationProblem UnreadableBody(Exception exception) => exception switch
    {
        JsonException json => ProblemOf(json, null),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => OperationProblem.PayloadTooLarge(),
        BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } => OperationProblem.BodyTooSlow(),
        _ => OperationProblem.UnreadableBody(),
    };
}
