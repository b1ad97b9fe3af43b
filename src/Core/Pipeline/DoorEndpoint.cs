using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hybrid;

/// <summary>
/// What every door's endpoint for one operation holds and does. <see cref="HandleAsync"/> is the
/// endpoint's precompiled <see cref="RequestDelegate"/> and always runs the same three steps: the
/// door binds (a request or a problem), the shared pipeline runs, the door's one responder writes
/// the answer. Telemetry and the last-resort 500 live here, once for both doors.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal abstract class DoorEndpoint<TRequest, TResponse> : IDoorEndpoint
    where TRequest : class, IRequest<TResponse>
{
    private readonly ILogger _logger;
    private readonly HybridMetrics _metrics;
    private readonly string _activityName;
    private readonly TagList _tags;
    private readonly int _defaultMaxFiles;
    private readonly bool _refusesUnknownFields;
    private readonly OperationRevalidation? _revalidation;
    private IReadOnlyList<object>? _configuredFrom;
    private FormBinder<TRequest>? _form;

    protected DoorEndpoint(HybridOperation operation, OperationCatalog catalog, IServiceProvider services, string door, long defaultBodyLimit)
    {
        var loggers = services.GetRequiredService<ILoggerFactory>();
        Operation = operation;
        Door = door;
        Json = catalog.Json;
        Shape = catalog.ShapeOf(operation);
        var development = services.GetService<IHostEnvironment>()?.IsDevelopment() == true;
        Invoker = new OperationInvoker<TRequest, TResponse>(
            catalog.Validators,
            services.GetRequiredService<IRequestDispatcher>(),
            loggers.CreateLogger("Hybrid.Pipeline"),
            development ? operation.Problems.Select(p => p.Code).Append(ProblemCodes.ValidationFailed).ToHashSet(StringComparer.Ordinal) : null);
        RequestInfo = (JsonTypeInfo<TRequest>)catalog.ReadingJson.GetTypeInfo(typeof(TRequest));
        ResponseInfo = (JsonTypeInfo<TResponse>)catalog.Json.GetTypeInfo(typeof(TResponse));
        BodyLimit = defaultBodyLimit;
        DefaultBodyLimit = defaultBodyLimit;
        var options = services.GetRequiredService<IOptions<HybridOptions>>().Value;
        _defaultMaxFiles = options.MaxFiles;
        MaxFiles = options.MaxFiles;
        _refusesUnknownFields = !options.AllowUnknownMembers &&
            typeof(TRequest).GetCustomAttributes(typeof(JsonUnmappedMemberHandlingAttribute), inherit: true)
                .OfType<JsonUnmappedMemberHandlingAttribute>().FirstOrDefault()?.UnmappedMemberHandling != JsonUnmappedMemberHandling.Skip &&
            !typeof(TRequest).GetProperties().Any(p => p.IsDefined(typeof(JsonExtensionDataAttribute), inherit: true));
        _logger = loggers.CreateLogger("Hybrid.Doors");
        _revalidation = OperationRevalidation.For(operation);
        _metrics = services.GetRequiredService<HybridMetrics>();
        _activityName = "Hybrid " + door + " " + typeof(TRequest).Name;
        _tags = new TagList
        {
            { HybridTelemetry.OperationTag, typeof(TRequest).Name },
            { HybridTelemetry.DoorTag, door },
        };
    }

    public HybridOperation Operation { get; }

    public string Door { get; }

    /// <summary>The endpoint's final metadata, once <see cref="Configure"/> ran.</summary>
    public IReadOnlyList<object> Metadata { get; private set; } = [];

    protected JsonSerializerOptions Json { get; }

    protected RequestShape Shape { get; }

    protected OperationInvoker<TRequest, TResponse> Invoker { get; }

    protected JsonTypeInfo<TRequest> RequestInfo { get; }

    protected JsonTypeInfo<TResponse> ResponseInfo { get; }

    /// <summary>The largest body this endpoint reads, or null for no limit: the operation's metadata, else the door's default.</summary>
    protected long? BodyLimit { get; private set; }

    private long DefaultBodyLimit { get; }

    /// <summary>The most file parts one request may upload: the operation's <see cref="MaxFilesAttribute"/>, else <see cref="HybridOptions.MaxFiles"/>.</summary>
    protected int MaxFiles { get; private set; }

    /// <summary>The form binder, made on the first form this endpoint reads.</summary>
    protected FormBinder<TRequest> Form => _form ??= new FormBinder<TRequest>(Shape, RequestInfo);

    /// <summary>
    /// Reads the per-operation settings from the endpoint's final metadata (attributes, code
    /// conventions, the app's conventions on the door): the one place where a door learns them.
    /// Called when the endpoint is built, and again with the routed endpoint's metadata if a later
    /// Finally convention changed it.
    /// </summary>
    public virtual void Configure(IReadOnlyList<object> metadata)
    {
        Metadata = metadata;
        BodyLimit = LastOf<IRequestSizeLimitMetadata>(metadata) is { } limit ? limit.MaxRequestBodySize : DefaultBodyLimit;
        MaxFiles = LastOf<MaxFilesAttribute>(metadata)?.Count ?? _defaultMaxFiles;
    }

    public async Task HandleAsync(HttpContext context)
    {
        ConfigureFromRoutedEndpoint(context);
        var started = Stopwatch.GetTimestamp();
        using var activity = HybridTelemetry.Source.StartActivity(_activityName, ActivityKind.Internal);
        activity?.SetTag(HybridTelemetry.OperationTag, typeof(TRequest).Name);
        activity?.SetTag(HybridTelemetry.DoorTag, Door);
        string? errorType = null;
        try
        {
            var bound = await BindAsync(context).ConfigureAwait(false);
            Outcome<TResponse> outcome;
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
            }

            if (outcome.Problem is null && _revalidation is not null)
            {
                await _revalidation.RunAsync(context, bound.Request!, outcome.Value, _logger, _metrics).ConfigureAwait(false);
            }

            errorType = outcome.ErrorType;
            if (outcome.Problem is { } problem)
            {
                activity?.SetStatus(ActivityStatusCode.Error, problem.Code);
                activity?.SetTag(HybridTelemetry.ErrorTypeTag, errorType);
            }

            await RespondAsync(context, bound, outcome).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            errorType = "canceled";
        }
        catch (Exception e)
        {
            // A fault in binding or writing (never in the handler: the invoker catches those). The
            // client learns a trace id only.
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
            if (_metrics.RequestDuration.Enabled)
            {
                var tags = _tags;
                if (errorType is not null)
                {
                    tags.Add(HybridTelemetry.ErrorTypeTag, errorType);
                }

                _metrics.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            }
        }
    }

    /// <summary>
    /// Reads the settings again from the endpoint the request was routed to, once per built endpoint.
    /// The mapping's own Finally convention runs before every Finally convention the app adds later
    /// (<c>ForOperation&lt;T&gt;().DisableAntiforgery()</c>, <c>MapHybridActions().DisableAntiforgery()</c>,
    /// one on an enclosing group): only the routed endpoint's metadata is surely final, and ASP.NET
    /// Core's middleware reads that one too.
    /// </summary>
    private void ConfigureFromRoutedEndpoint(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata is null || ReferenceEquals(metadata, Volatile.Read(ref _configuredFrom)) ||
            metadata.GetMetadata<HybridEndpointMetadata>() is not { } mine || mine.Operation != Operation || mine.Door != Door)
        {
            return;
        }

        Configure(metadata);
        Volatile.Write(ref _configuredFrom, metadata);
    }

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
    /// Applies <see cref="BodyLimit"/> to the request, through the server when it can be told, else
    /// by counting what is read (<see cref="LimitedBody"/>); false when its declared length is already over it.
    /// </summary>
    protected bool ApplyBodyLimit(HttpContext context)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = BodyLimit;
        }
        else if (BodyLimit is { } max)
        {
            context.Request.Body = new LimitedBody(context.Request.Body, max);
        }

        return BodyLimit is not { } limit || context.Request.ContentLength is not { } length || length <= limit;
    }

    /// <summary>
    /// Reads the form and binds it (<see cref="FormBinder{TRequest}"/>): more file parts than
    /// <see cref="MaxFiles"/> is 413, and fields or parts that bind to nothing are refused as unknown
    /// JSON members are. A form over ASP.NET Core's form limits throws, for the door to answer.
    /// </summary>
    protected async ValueTask<Bound<TRequest>> BindFormAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (form.Files.Count > MaxFiles)
        {
            return Bound<TRequest>.Refused(
                OperationProblem.Create(413, ProblemCodes.PayloadTooLarge, $"The request uploads {form.Files.Count} files, and this endpoint accepts at most {MaxFiles}."),
                InputKind.Form);
        }

        var argument = Form.Bind(form, out var problem, out var unbound);
        if (problem is null && _refusesUnknownFields && unbound.Count > 0)
        {
            // As for a JSON body: a field the request type does not have is a mistake to name, not to drop.
            problem = OperationProblem.UnknownMembers(unbound);
        }

        return problem is not null ? Bound<TRequest>.Refused(problem, InputKind.Form)
            : argument is null ? Bound<TRequest>.Refused(OperationProblem.InvalidJson(null), InputKind.Form)
            : new Bound<TRequest>(argument, null, InputKind.Form);
    }

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
        JsonException json => JsonBodyErrors.ToProblem(json, Shape),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => OperationProblem.PayloadTooLarge(),
        _ => OperationProblem.Create(400, ProblemCodes.BadRequest, "The request body could not be read."),
    };

    private static T? LastOf<T>(IReadOnlyList<object> metadata)
        where T : class
    {
        for (var i = metadata.Count - 1; i >= 0; i--)
        {
            if (metadata[i] is T found)
            {
                return found;
            }
        }

        return null;
    }
}
