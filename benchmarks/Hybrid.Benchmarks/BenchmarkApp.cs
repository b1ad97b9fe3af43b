using Hybrid.Actions;
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
        builder.Services.AddSingleton<GetThingHandler>();
        builder.Services.AddSingleton<CreateThingHandler>();
        var app = builder.Build();

        // The baselines: what a team would write by hand, calling the handler directly.
        app.MapGet("/baseline/things/{id:int}", (int id, GetThingHandler handler, CancellationToken ct) => handler.Handle(new GetThing { Id = id }, ct));
        app.MapPost("/baseline/things", async (CreateThing request, CreateThingHandler handler, CancellationToken ct) =>
            Results.Created("/baseline/things/1", await handler.Handle(request, ct)));
        app.MapGet("/baseline/mediator/things/{id:int}", (int id, MediatR.IMediator mediator, CancellationToken ct) => mediator.Send(new GetThing { Id = id }, ct));
        app.MapGet("/token", (HttpContext context) => context.IssueXsrfToken().RequestToken);

        app.MapHybridActions();
        app.MapHybridRest();
        return app;
    }
}
