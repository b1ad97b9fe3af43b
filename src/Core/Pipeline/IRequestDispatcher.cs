namespace Hybrid;

/// <summary>
/// The one seam between Hybrid and the mediator: the pipeline hands a bound, validated request to
/// it. A source-generated mediator would replace <see cref="MediatRRequestDispatcher"/> here and
/// nowhere else.
/// </summary>
internal interface IRequestDispatcher
{
    /// <summary>
    /// Runs the request's handler (and the mediator's behaviours) in the request's scope. A request
    /// without a result answers <see cref="MediatR.Unit"/>.
    /// </summary>
    Task<TResponse> SendAsync<TRequest, TResponse>(TRequest request, IServiceProvider requestServices, CancellationToken cancellationToken)
        where TRequest : class;
}
