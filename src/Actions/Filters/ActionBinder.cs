using System.Text.Json.Serialization.Metadata;

namespace Hybrid.Actions;

/// <summary>
/// The action door's binder: a form's fields, or a JSON body, into <typeparamref name="TRequest"/>;
/// no body at all is <c>{}</c>. A body that cannot be read is refused with what it got wrong.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
internal sealed class ActionBinder<TRequest>(BodyReader<TRequest> reader, JsonTypeInfo<TRequest> info) : IRequestFilter
    where TRequest : class
{
    public PipelineStage Stage => PipelineStage.Bind;

    public async ValueTask<FilterDecision> OnRequestAsync(HybridFilterContext context)
    {
        var http = context.HttpContext;
        try
        {
            if (context.Input == InputKind.Form)
            {
                var (fields, fieldErrors) = await reader.ReadFormAsync(http, context.Cancellation).ConfigureAwait(false);
                return reader.Decide(http, fields, fieldErrors);
            }

            // No body at all (curl -X POST, a button's fetch with no arguments) is {}, as an empty JSON body is.
            var (argument, errors) = context.Input == InputKind.Json && BodyDetection.HasBody(http.Request)
                ? await reader.ReadJsonAsync(http, info, context.Cancellation).ConfigureAwait(false)
                : reader.ReadEmpty(info);
            return reader.Decide(http, argument, errors);
        }
        catch (InvalidDataException e) when (context.Input == InputKind.Form && FormLimits.IsExceeded(e))
        {
            return FilterDecision.Refuse(FormLimits.Problem());
        }
        catch (Exception e) when (UnreadableBody.Is(e, context.Cancellation))
        {
            return FilterDecision.Refuse(reader.ProblemOf(e));
        }
    }
}
