using MediatR;

namespace Hybrid.Core.Tests.Support;

/// <summary>A handler that answers with a fixed value; the catalog tests only need one to exist.</summary>
public abstract class Answers<TRequest, TResponse>(TResponse answer) : IRequestHandler<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken) => Task.FromResult(answer);
}

/// <summary>A handler for a request without a result (MediatR 12's <see cref="IRequestHandler{TRequest}"/>).</summary>
public abstract class Completes<TRequest> : IRequestHandler<TRequest>
    where TRequest : IRequest
{
    public Task Handle(TRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed record PostDto(int Id, string Title);
