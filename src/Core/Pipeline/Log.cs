using Microsoft.Extensions.Logging;

namespace Hybrid;

/// <summary>Hybrid's log messages, shared by both doors.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Request} ended with the expected problem {Status} {Code}")]
    public static partial void ExpectedFailure(ILogger logger, string request, int status, string code);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{Request} failed unexpectedly; the client was told trace id {TraceId} only")]
    public static partial void UnexpectedFailure(ILogger logger, Exception exception, string request, string traceId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "{Request} met a transient failure; the client was told 503 service_unavailable with Retry-After (trace id {TraceId})")]
    public static partial void TransientFailure(ILogger logger, Exception exception, string request, string traceId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "{Request} ran past its request timeout and was cancelled; the client was told {Status} request_timeout")]
    public static partial void TimedOut(ILogger logger, string request, int status);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "An in-process call of {Request} was refused before its handler: {Status} {Code}")]
    public static partial void InProcessRefused(ILogger logger, string request, int status, string code);

    [LoggerMessage(EventId = 77, Level = LogLevel.Warning, Message = "HYB077: {Request} has a request timeout ({Timeout}), but ASP.NET Core's request timeouts middleware did not run for it, so nothing cancels it. Fix: call app.UseRequestTimeouts() after routing and before the endpoints (or remove the timeout).")]
    public static partial void TimeoutNotApplied(ILogger logger, string request, string timeout);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "{Door} door rejected a request: {Status} {Code}")]
    public static partial void Rejected(ILogger logger, string door, int status, string code);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Hybrid catalog built: {Operations} operations, declared for doors: {Doors}")]
    public static partial void CatalogBuilt(ILogger logger, int operations, string doors);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "{Door} door ignored {Count} form fields of {Request} that name no member: {Fields}")]
    public static partial void UnknownFormFields(ILogger logger, string door, string request, int count, string fields);

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "{Request} answered {Status} '{Code}', a code its operation does not declare; declare it with [ProducesProblem({Status}, \"{Code}\")] or op.Problem(...) so its documents list it")]
    public static partial void UndeclaredProblem(ILogger logger, string request, int status, string code);

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Hybrid exposure inventory ({Operations} operations):\n{Inventory}")]
    public static partial void ExposureInventory(ILogger logger, int operations, string inventory);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "{Count} exposed operation(s) state no authorization policy and no [AllowAnonymous], so anyone may call them: {Operations}. {Fix}")]
    public static partial void UnprotectedOperations(ILogger logger, int count, string operations, string fix);

    [LoggerMessage(EventId = 50, Level = LogLevel.Warning, Message = "{Request} succeeded, but the {Store} could not evict {Tags}; those entries stay until they expire")]
    public static partial void RevalidationFailed(ILogger logger, Exception exception, string request, string store, string tags);
}
