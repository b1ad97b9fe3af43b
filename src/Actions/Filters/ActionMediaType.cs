using Microsoft.AspNetCore.Http;

namespace Hybrid.Actions;

/// <summary>The action door's media type: JSON, an HTML form, or no body at all; anything else is 415.</summary>
internal sealed class ActionMediaType : IRequestFilter
{
    private const string MediaTypes = "Send the action's arguments as application/json or as an HTML form.";

    public static ActionMediaType Instance { get; } = new();

    public PipelineStage Stage => PipelineStage.MediaType;

    public ValueTask<FilterDecision> OnRequestAsync(HybridFilterContext context)
    {
        var request = context.HttpContext.Request;
        var input = IsPlainJson(request.ContentType) ? InputKind.Json
            : PlainForm.HasFormContentType(request) ? InputKind.Form
            : request.HasJsonContentType() ? InputKind.Json
            : request.ContentType is null && !BodyDetection.HasBody(request) ? InputKind.None
            : (InputKind?)null;
        return new(input is { } kind ? FilterDecision.ContinueAs(kind) : FilterDecision.Refuse(OperationProblem.UnsupportedMediaType(MediaTypes)));
    }

    /// <summary>
    /// <c>application/json</c>, alone or with parameters: what every script sends, recognised without
    /// parsing the header (the general parse allocates, and this is the hot path).
    /// </summary>
    private static bool IsPlainJson(string? contentType) =>
        contentType is not null &&
        contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) &&
        (contentType.Length == "application/json".Length || contentType["application/json".Length] is ';' or ' ');
}
