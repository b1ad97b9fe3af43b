using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Contract.Tests.InProcess;

/// <summary>
/// What the in-process tests' handlers did, in order. The handlers resolve it when they run, not in
/// their constructors: the hosts that scan this whole assembly build these handlers too, without it.
/// </summary>
public sealed class ArticleStore
{
    public ConcurrentQueue<string> Runs { get; } = new();

    public ConcurrentDictionary<int, string> Articles { get; } = new(new Dictionary<int, string> { [1] = "First" });

    public int RunsOf(string name) => Runs.Count(r => r == name);
}

/// <summary>Editors only, on both doors; validated; makes the article list stale.</summary>
[Action]
[RestPost("articles")]
[Authorize(Roles = "editor")]
[Revalidates("articles")]
public sealed class PublishArticle : IRequest<PublishedArticle>
{
    [Required]
    [StringLength(20, MinimumLength = 2)]
    public string Title { get; set; } = string.Empty;
}

public sealed record PublishedArticle(int Id, string Title);

public sealed class PublishArticleHandler(IServiceProvider services) : IRequestHandler<PublishArticle, PublishedArticle>
{
    public Task<PublishedArticle> Handle(PublishArticle request, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ArticleStore>();
        store.Runs.Enqueue(nameof(PublishArticle));
        var id = store.Articles.Count + 1;
        store.Articles[id] = request.Title;
        return Task.FromResult(new PublishedArticle(id, request.Title));
    }
}

/// <summary>Editors only, an action without a result (MediatR 12's <see cref="IRequest"/>); makes the article list stale.</summary>
[Action]
[Authorize(Roles = "editor")]
[Revalidates("articles")]
public sealed class RetractArticle : IRequest
{
    public int Id { get; set; }
}

public sealed class RetractArticleHandler(IServiceProvider services) : IRequestHandler<RetractArticle>
{
    public Task Handle(RetractArticle request, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ArticleStore>();
        store.Runs.Enqueue(nameof(RetractArticle));
        store.Articles.TryRemove(request.Id, out _);
        return Task.CompletedTask;
    }
}

/// <summary>Anyone; a cached read tagged <c>articles</c>.</summary>
[RestGet("articles")]
[AllowAnonymous]
[ReadCache(60, "articles")]
public sealed class ListArticles : IRequest<IReadOnlyList<string>>
{
}

public sealed class ListArticlesHandler(IServiceProvider services) : IRequestHandler<ListArticles, IReadOnlyList<string>>
{
    public Task<IReadOnlyList<string>> Handle(ListArticles request, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ArticleStore>();
        store.Runs.Enqueue(nameof(ListArticles));
        return Task.FromResult<IReadOnlyList<string>>([.. store.Articles.OrderBy(a => a.Key).Select(a => a.Value)]);
    }
}

/// <summary>States no policy: the action door leaves it open, the test host's REST door asks for a partner.</summary>
[Action]
[RestGet("articles/count")]
public sealed class CountArticles : IRequest<int>
{
}

/// <summary>Only on the REST door, which asks for a partner in the test host.</summary>
[RestGet("articles/stats")]
public sealed class ArticleStats : IRequest<int>
{
}

public sealed class ArticleCounts(IServiceProvider services) : IRequestHandler<CountArticles, int>, IRequestHandler<ArticleStats, int>
{
    public Task<int> Handle(CountArticles request, CancellationToken cancellationToken) =>
        Task.FromResult(services.GetRequiredService<ArticleStore>().Articles.Count);

    public Task<int> Handle(ArticleStats request, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ArticleStore>();
        store.Runs.Enqueue(nameof(ArticleStats));
        return Task.FromResult(store.Articles.Count);
    }
}

/// <summary>Not exposed: the app's own request, which HybridSender refuses to send.</summary>
public sealed class PurgeArticles : IRequest<int>
{
}

public sealed class PurgeArticlesHandler : IRequestHandler<PurgeArticles, int>
{
    public Task<int> Handle(PurgeArticles request, CancellationToken cancellationToken) => Task.FromResult(0);
}
