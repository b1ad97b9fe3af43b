using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid.Actions;

/// <summary>
/// The antiforgery token of an action that requires one: missing or wrong is 400. A form that cannot
/// be read while the token is looked for is refused as binding would refuse it.
/// </summary>
internal sealed class AntiforgeryCheck : IRequestFilter
{
    private readonly IAntiforgery? _antiforgery;
    private readonly string _help;

    public AntiforgeryCheck(IServiceProvider services)
    {
        _antiforgery = services.GetService<IAntiforgery>();
        var header = services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName;
        _help = "The antiforgery token is missing or invalid. Send it in the " +
            (header is null ? string.Empty : $"{header} header or the ") + $"{HybridAntiforgery.FormFieldName} form field.";
    }

    public PipelineStage Stage => PipelineStage.Antiforgery;

    public async ValueTask<FilterDecision> OnRequestAsync(HybridFilterContext context)
    {
        try
        {
            return await IsValidAsync(context).ConfigureAwait(false)
                ? FilterDecision.Continue
                : FilterDecision.Refuse(OperationProblem.Create(400, ProblemCodes.AntiforgeryFailed, _help));
        }
        catch (InvalidDataException e) when (context.Input == InputKind.Form && FormLimits.IsExceeded(e))
        {
            return FilterDecision.Refuse(FormLimits.Problem());
        }
        catch (Exception e) when (UnreadableBody.Is(e, context.Cancellation))
        {
            return FilterDecision.Refuse(UnreadableBody.ProblemOf(e));
        }
    }

    private async ValueTask<bool> IsValidAsync(HybridFilterContext context)
    {
        // When the app's UseAntiforgery() already judged this request, its verdict stands.
        var verdict = context.HttpContext.Features.Get<IAntiforgeryValidationFeature>();
        if (verdict is not null)
        {
            return verdict.IsValid;
        }

        return await _antiforgery!.IsRequestValidAsync(context.HttpContext).ConfigureAwait(false);
    }
}
