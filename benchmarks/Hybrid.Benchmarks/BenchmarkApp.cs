using Hybrid.Actions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Benchmarks;

/// <summary>
/// One app holding both the hand-written minimal API baselines and Hybrid's doors over the same
/// handlers, so every ratio compares like with like on the same run.
/// </summary>
public static class BenchmarkApp
{
    public static WebApplication Build(Action<WebApplicationBuilder> host)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        host(builder);
        builder.Services.AddHybrid(typeof(BenchmarkApp).Assembly);
        builder.Services.AddAntiforgery(o => o.HeaderName = HybridAntiforgery.HeaderName);
        builder.Services.AddSingleton<GetThingHandler>();
        builder.Services.AddSingleton<CreateThingHandler>();
        builder.Services.AddOutputCache();
        var app = builder.Build();
        app.UseOutputCache();

        // The baselines: what a team would write by hand, calling the handler directly.
        app.MapGet("/baseline/things/{id:int}", (int id, GetThingHandler handler, CancellationToken ct) => handler.Handle(new GetThing { Id = id }, ct));
        app.MapPost("/baseline/things", async (CreateThing request, CreateThingHandler handler, CancellationToken ct) =>
            Results.Created("/baseline/things/1", await handler.Handle(request, ct)));
        app.MapGet("/baseline/mediator/things/{id:int}", (int id, MediatR.IMediator mediator, CancellationToken ct) => mediator.Send(new GetThing { Id = id }, ct));
        // The cached read's baseline: a hand-written GET under the very policy the REST door gives [ReadCache].
        app.MapGet("/baseline/cached-things/{id:int}", (int id, CancellationToken ct) => new GetCachedThingHandler().Handle(new GetCachedThing { Id = id }, ct))
            .CacheOutput(HybridOutputCache.Read(60, "thing:{id}"));
        app.MapGet("/token", (HttpContext context) => context.IssueXsrfToken().RequestToken);

        // The action door's baselines: the same JSON posted to the same handler through IMediator.Send,
        // without and with the antiforgery validation a hand-written endpoint would do itself.
        app.MapPost("/baseline/mediator/things", (CreateThing request, MediatR.IMediator mediator, CancellationToken ct) => mediator.Send(request, ct));
        app.MapPost("/baseline/mediator/guarded-things", async (HttpContext context, MediatR.IMediator mediator) =>
        {
            if (!await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            var request = await context.Request.ReadFromJsonAsync<CreateGuardedThing>(context.RequestAborted);
            return Results.Ok(await mediator.Send(request!, context.RequestAborted));
        });

        app.MapHybridActions();
        app.MapHybridRest();
        return app;
    }
}
