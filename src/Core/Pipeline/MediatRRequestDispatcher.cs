using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid;

/// <summary>
/// Dispatches through MediatR 12's <see cref="ISender"/>, resolved from the request's scope so the
/// app's behaviours run. The typed call is chosen once per operation (<see cref="Send{TRequest,TResponse}"/>):
/// <c>Send&lt;TResponse&gt;(IRequest&lt;TResponse&gt;)</c>, or <c>Send&lt;TRequest&gt;(TRequest)</c> for a
/// request without a result, whose constraint the door's generic code cannot state.
/// </summary>
internal sealed class MediatRRequestDispatcher : IRequestDispatcher
{
    public Task<TResponse> SendAsync<TRequest, TResponse>(TRequest request, IServiceProvider requestServices, CancellationToken cancellationToken)
        where TRequest : class =>
        Send<TRequest, TResponse>.Call(requestServices.GetRequiredService<ISender>(), request, cancellationToken);

    private static class Send<TRequest, TResponse>
        where TRequest : class
    {
        public static readonly Func<ISender, TRequest, CancellationToken, Task<TResponse>> Call = Choose();

        private static Func<ISender, TRequest, CancellationToken, Task<TResponse>> Choose()
        {
            if (typeof(IRequest<TResponse>).IsAssignableFrom(typeof(TRequest)))
            {
                return static (sender, request, ct) => sender.Send((IRequest<TResponse>)request, ct);
            }

            if (typeof(TResponse) == typeof(Unit) && typeof(IRequest).IsAssignableFrom(typeof(TRequest)))
            {
                var send = typeof(WithoutResult<>).MakeGenericType(typeof(TRequest)).GetMethod(nameof(WithoutResult<IRequest>.SendAsync))!;
                return send.CreateDelegate<Func<ISender, TRequest, CancellationToken, Task<TResponse>>>();
            }

            throw new InvalidOperationException($"{typeof(TRequest).Name} is not a MediatR request answering {typeof(TResponse).Name}.");
        }
    }

    private static class WithoutResult<TRequest>
        where TRequest : IRequest
    {
        public static async Task<Unit> SendAsync(ISender sender, TRequest request, CancellationToken cancellationToken)
        {
            await sender.Send(request, cancellationToken).ConfigureAwait(false);
            return Unit.Value;
        }
    }
}
