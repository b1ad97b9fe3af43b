using System.Collections.Concurrent;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Hybrid.Contract.Tests;

// Handlers resolve the store when they run: other hosts scan this assembly without registering it.
// Operations of the settings-model tests: one operation on every door (an action, a POST and a GET)
// whose settings are declared by attributes (AttributedTally) or, for Tally, in each way code can.

/// <summary>Totals per name, and how often the handlers ran.</summary>
public sealed class TallyStore
{
    public ConcurrentDictionary<string, int> Totals { get; } = new();

    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    public TallyView Add(string name, int count)
    {
        Interlocked.Increment(ref _runs);
        return new TallyView(name, Totals.AddOrUpdate(name, count, (_, total) => total + count));
    }
}

public sealed record TallyView(string Name, int Total);

/// <summary>
/// A requirement from ASP.NET Core's <see cref="IAuthorizationRequirementData"/> (not
/// <c>[Authorize]</c>): met unless the request carries <c>X-Tally-Closed</c>, so anonymous callers
/// pass and their reads can still be cached.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TallyGateAttribute : Attribute, IAuthorizationRequirementData
{
    public IEnumerable<IAuthorizationRequirement> GetRequirements() => [new TallyGate()];
}

public sealed class TallyGate : IAuthorizationRequirement;

public sealed class TallyGateHandler(IHttpContextAccessor accessor) : AuthorizationHandler<TallyGate>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TallyGate requirement)
    {
        if (accessor.HttpContext?.Request.Headers.ContainsKey("X-Tally-Closed") != true)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Every per-operation setting the tests compare, in the order the attributes declare them.</summary>
public static class TallySettings
{
    public const string RateLimitPolicy = "tallies";

    public const string WebhookSecretKey = "Tally:WebhookSecret";

    public static object[] Metadata() =>
    [
        new TallyGateAttribute(),
        new EnableRateLimitingAttribute(RateLimitPolicy),
        new RequestSizeLimitAttribute(2048),
        new MaxFilesAttribute(2),
        new IdempotentAttribute(),
        new RevalidatesAttribute("tally:{name}"),
        new ReadCacheAttribute(60, "tally:{name}"),
        new ProducesProblemAttribute(409, "tally_closed"),
        new RequiresAntiforgeryTokenAttribute(),
        new TagsAttribute("tallies"),
        new RequestTimeoutAttribute(5000),
    ];
}

// Declares no settings itself: the tests declare them in code.

/// <summary>Counts by name.</summary>
public sealed class Tally : IRequest<TallyView>
{
    public string Name { get; set; } = "";

    public int Count { get; set; }
}

public sealed class TallyHandler(IServiceProvider services) : IRequestHandler<Tally, TallyView>
{
    public Task<TallyView> Handle(Tally request, CancellationToken cancellationToken) => Task.FromResult(services.GetRequiredService<TallyStore>().Add(request.Name, request.Count));
}

// The same operation as Tally, with its settings as attributes; exposed in code, like it.

/// <summary>Counts by name.</summary>
[TallyGate]
[EnableRateLimiting(TallySettings.RateLimitPolicy)]
[RequestSizeLimit(2048)]
[MaxFiles(2)]
[Idempotent]
[Revalidates("tally:{name}")]
[ReadCache(60, "tally:{name}")]
[ProducesProblem(409, "tally_closed")]
[RequiresAntiforgeryToken]
[Tags("tallies")]
[RequestTimeout(5000)]
public sealed class AttributedTally : IRequest<TallyView>
{
    public string Name { get; set; } = "";

    public int Count { get; set; }
}

public sealed class AttributedTallyHandler(IServiceProvider services) : IRequestHandler<AttributedTally, TallyView>
{
    public Task<TallyView> Handle(AttributedTally request, CancellationToken cancellationToken) => Task.FromResult(services.GetRequiredService<TallyStore>().Add(request.Name, request.Count));
}

/// <summary>A read and a write with no settings of their own, for the declarations that cannot act.</summary>
public sealed class PeekTally : IRequest<TallyView>
{
    public string Name { get; set; } = "";
}

public sealed class PeekTallyHandler(IServiceProvider services) : IRequestHandler<PeekTally, TallyView>
{
    public Task<TallyView> Handle(PeekTally request, CancellationToken cancellationToken) => Task.FromResult(services.GetRequiredService<TallyStore>().Add(request.Name, 0));
}

/// <summary>A Standard Webhooks receiver, for the guard answers the door's telemetry records.</summary>
[StandardWebhook(TallySettings.WebhookSecretKey)]
public sealed class TallyHook : IRequest
{
    public string Name { get; set; } = "";
}

public sealed class TallyHookHandler(IServiceProvider services) : IRequestHandler<TallyHook>
{
    public Task Handle(TallyHook request, CancellationToken cancellationToken)
    {
        services.GetRequiredService<TallyStore>().Add(request.Name, 1);
        return Task.CompletedTask;
    }
}
