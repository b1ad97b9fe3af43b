using MediatR;

namespace Hybrid.Core.Tests.Support;

/// <summary>A handler that answers with a fixed value; the catalog tests only need one to exist.</summary>
public abstract class Answers<TRequest, TResponse>(TResponse answer) : IRequestHandler<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken) => Task.FromResult(answer);
}

public sealed record PostDto(int Id, string Title);
