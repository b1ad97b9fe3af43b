using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid;

/// <summary>Dispatches through MediatR 5.1's <see cref="IMediator"/>, resolved from the request's scope so the app's behaviours run.</summary>
internal sealed class MediatRRequestDispatcher : IRequestDispatcher
{
    public Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request, IServiceProvider requestServices, CancellationToken cancellationToken) =>
        requestServices.GetRequiredService<IMediator>().Send(request, cancellationToken);
}
