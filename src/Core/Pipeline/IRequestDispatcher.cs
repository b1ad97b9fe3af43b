using MediatR;

namespace Hybrid;

/// <summary>
/// The one seam between Hybrid and the mediator: the pipeline hands a bound, validated request to
/// it. A later MediatR line or a source-generated mediator replaces <see cref="MediatRRequestDispatcher"/>
/// here and nowhere else.
/// </summary>
internal interface IRequestDispatcher
{
    /// <summary>Runs the request's handler (and the mediator's behaviours) in the request's scope.</summary>
    Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request, IServiceProvider requestServices, CancellationToken cancellationToken);
}
