using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid;

/// <summary>
/// Dispatches through MediatR 12's <see cref="ISender"/>, resolved from the request's scope so the
/// app's behaviours run. The typed call is chosen once per operation (<see cref="Send{TRequest,TResponse}"/>):
/// <c>Send&lt;TResponse&gt;(IRequest&lt;TResponse&gt;)</c>, or <c>Send&lt;TRequest&gt;(TRequest)</c> for a
/// request without a result, whose constraint the door's generic code cannot state. A stream request
/// is answered with its items unopened (<see cref="Deferred{TItem}"/>): its handler runs when the
/// door's responder enumerates them, with the responder's token.
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

            if (HandlerScanner.ItemTypeOf(typeof(TResponse)) is { } item && typeof(IStreamRequest<>).MakeGenericType(item).IsAssignableFrom(typeof(TRequest)))
            {
                var open = typeof(Deferred<>).MakeGenericType(item).GetMethod(nameof(Deferred<object>.Open))!;
                return open.CreateDelegate<Func<ISender, TRequest, CancellationToken, Task<TResponse>>>();
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

    /// <summary>
    /// A stream request's items, opened through MediatR (its stream behaviours run) only when they are
    /// enumerated, and with the enumeration's token: the responder, not the pipeline, decides what
    /// cancels the handler (the client leaving, the stream's limits, the app stopping).
    /// </summary>
    private sealed class Deferred<TItem>(ISender sender, IStreamRequest<TItem> request) : IAsyncEnumerable<TItem>
    {
        public static Task<IAsyncEnumerable<TItem>> Open(ISender sender, object request, CancellationToken cancellationToken) =>
            Task.FromResult<IAsyncEnumerable<TItem>>(new Deferred<TItem>(sender, (IStreamRequest<TItem>)request));

        public IAsyncEnumerator<TItem> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            sender.CreateStream(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
    }
}
