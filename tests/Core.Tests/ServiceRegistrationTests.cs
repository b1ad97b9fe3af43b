using Hybrid.Testing;
using System.Text.Json;
using Hybrid.Core.Tests.Support;
using MediatR;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hybrid.Core.Tests.Registration;

public sealed record CountVotes(int PostId) : IRequest<int>;

public sealed class CountVotesHandler(CallLog calls) : IRequestHandler<CountVotes, int>
{
    public Task<int> Handle(CountVotes request, CancellationToken cancellationToken)
    {
        calls.Add("scanned handler");
        return Task.FromResult(3);
    }
}

public sealed class AppCountVotesHandler(CallLog calls) : IRequestHandler<CountVotes, int>
{
    public Task<int> Handle(CountVotes request, CancellationToken cancellationToken)
    {
        calls.Add("app handler");
        return Task.FromResult(30);
    }
}

/// <summary>An app's own mediator: answers every request itself.</summary>
public sealed class AppMediator(CallLog calls) : IMediator
{
    public Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        calls.Add("app mediator " + request.GetType().Name);
        return Task.FromResult((TResponse)(object)300);
    }

    public Task Send<TRequest>(TRequest request, CancellationToken cancellationToken = default)
        where TRequest : IRequest => Task.CompletedTask;

    public Task<object?> Send(object request, CancellationToken cancellationToken = default) => Task.FromResult<object?>(null);

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamRequest<TResponse> request, CancellationToken cancellationToken = default) =>
        AsyncEnumerable.Empty<TResponse>();

    public IAsyncEnumerable<object?> CreateStream(object request, CancellationToken cancellationToken = default) => AsyncEnumerable.Empty<object?>();

    public Task Publish(object notification, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification => Task.CompletedTask;
}

/// <summary>A request without a result, MediatR 12's way: <see cref="IRequest"/> and a handler returning <see cref="Task"/>.</summary>
public sealed record ResetVotes(int PostId) : IRequest;

public sealed class ResetVotesHandler(CallLog calls) : IRequestHandler<ResetVotes>
{
    public Task Handle(ResetVotes request, CancellationToken cancellationToken)
    {
        calls.Add("reset " + request.PostId);
        return Task.CompletedTask;
    }
}

public sealed record VotesReset(int PostId) : INotification;

public sealed class VotesResetHandler(CallLog calls) : INotificationHandler<VotesReset>
{
    public Task Handle(VotesReset notification, CancellationToken cancellationToken)
    {
        calls.Add("notified " + notification.PostId);
        return Task.CompletedTask;
    }
}

public class ServiceRegistrationTests
{
    private static readonly Type[] Types = [typeof(CountVotes), typeof(CountVotesHandler)];

    private static PipelineHost Host(Action<IServiceCollection>? before = null, Action<IServiceCollection>? after = null) =>
        PipelineHost.Create(o => o.Expose<CountVotes>(b => b.Get("posts/{postId}/votes")), Types, before, after);

    [Fact]
    public async Task AddHybrid_registers_MediatR_and_the_scanned_handlers()
    {
        await using var host = Host();
        await using var scope = host.Services.CreateAsyncScope();

        scope.ServiceProvider.GetRequiredService<IMediator>().Should().BeOfType<Mediator>();
        scope.ServiceProvider.GetRequiredService<IRequestHandler<CountVotes, int>>().Should().BeOfType<CountVotesHandler>();
        (await host.InvokeAsync<CountVotes, int>(new CountVotes(1))).Value.Should().Be(3);
        host.Calls.Entries.Should().Equal("scanned handler");
    }

    [Fact]
    public async Task An_app_mediator_registered_before_AddHybrid_wins_and_the_pipeline_uses_it()
    {
        await using var host = Host(before: s => s.AddScoped<IMediator, AppMediator>());
        await using var scope = host.Services.CreateAsyncScope();

        scope.ServiceProvider.GetRequiredService<IMediator>().Should().BeOfType<AppMediator>();
        (await host.InvokeAsync<CountVotes, int>(new CountVotes(1))).Value.Should().Be(300);
        host.Calls.Entries.Should().Equal("app mediator CountVotes");
    }

    [Fact]
    public async Task An_app_handler_registered_before_AddHybrid_wins()
    {
        await using var host = Host(before: s => s.AddTransient<IRequestHandler<CountVotes, int>, AppCountVotesHandler>());

        (await host.InvokeAsync<CountVotes, int>(new CountVotes(1))).Value.Should().Be(30);
        host.Calls.Entries.Should().Equal("app handler");
    }

    [Fact]
    public async Task A_request_without_a_result_runs_its_handler_through_the_pipeline()
    {
        await using var host = PipelineHost.Create(o => o.Expose<ResetVotes>(b => b.Delete("posts/{postId}/votes")), [typeof(ResetVotes), typeof(ResetVotesHandler)]);

        host.Catalog.Operations.Should().ContainSingle().Which.ReturnsNothing.Should().BeTrue();
        (await host.InvokeAsync<ResetVotes, Unit>(new ResetVotes(7))).Problem.Should().BeNull();
        host.Calls.Entries.Should().Equal("reset 7");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_app_that_also_calls_AddMediatR_gets_each_handler_and_behaviour_once(bool mediatrFirst)
    {
        Type[] types = [typeof(CountVotes), typeof(CountVotesHandler), typeof(VotesReset), typeof(VotesResetHandler)];
        void AddMediatR(IServiceCollection s) => s.AddMediatR(cfg => cfg
            .RegisterServicesFromAssembly(new ScannedTypes(types))
            .AddOpenBehavior(typeof(Behaviors.RecordingBehavior<,>)));
        IServiceCollection registered = new ServiceCollection();
        await using var host = PipelineHost.Create(
            o => o.Expose<CountVotes>(b => b.Get("posts/{postId}/votes")),
            types,
            before: mediatrFirst ? AddMediatR : null,
            after: s =>
            {
                if (!mediatrFirst)
                {
                    AddMediatR(s);
                }

                registered = s;
            });
        int Count(Type service) => registered.Count(d => d.ServiceType == service);

        Count(typeof(IRequestHandler<CountVotes, int>)).Should().Be(1);
        Count(typeof(INotificationHandler<VotesReset>)).Should().Be(1);
        Count(typeof(IPipelineBehavior<,>)).Should().Be(1);
        Count(typeof(IMediator)).Should().Be(1);
        Count(typeof(ISender)).Should().Be(1);
        (await host.InvokeAsync<CountVotes, int>(new CountVotes(1))).Value.Should().Be(3);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(new VotesReset(1));
        }

        host.Calls.Entries.Should().Equal("before CountVotes", "scanned handler", "after 3", "notified 1");
    }

    [Fact]
    public void AddHybrid_needs_an_assembly()
    {
        var add = () => new ServiceCollection().AddHybrid();

        add.Should().Throw<ArgumentException>().WithParameterName("assemblies");
    }

    [Fact]
    public async Task The_catalog_is_built_from_the_options_and_the_apps_http_json_options()
    {
        // With snake_case JSON names, {post_id} names PostId only through the app's JsonOptions.
        await using var host = PipelineHost.Create(
            o => o.Expose<CountVotes>(b => b.AsAction().Get("posts/{post_id}/votes")),
            Types,
            after: s => s.Configure<JsonOptions>(j => j.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower));

        var catalog = host.Catalog;

        catalog.Should().BeSameAs(host.Services.GetRequiredService<OperationCatalog>());
        var operation = catalog.Operations.Should().ContainSingle().Subject;
        operation.DeclaredDoors.Should().Equal(HybridDoors.Action, HybridDoors.Rest);
        catalog.ShapeOf(operation).Members.Single().JsonName.Should().Be("post_id");
    }

    [Fact]
    public async Task A_broken_route_is_kept_out_of_the_doors_exposure_for_the_start_up_report()
    {
        await using var host = PipelineHost.Create(o => o.Expose<CountVotes>(b => b.Get("posts/{slug}")), Types);

        var catalog = host.Services.GetRequiredService<OperationCatalog>();
        var exposed = catalog.Doors.Of(Http.RestDoor.Instance, catalog);

        exposed.Should().BeEmpty();
        catalog.Errors.Should().BeEmpty("the route is the REST door's to read");
        var error = catalog.Doors.Errors.Should().ContainSingle().Subject;
        error.Id.Should().Be("HYB010");
        error.Message.Should().Contain(typeof(CountVotes).FullName);
    }

    [Fact]
    public async Task A_broken_declaration_stops_the_host_that_maps_its_door()
    {
        var start = () => TestHost.StartAsync([new ScannedTypes(Types)], o => o.Expose<CountVotes>(b => b.Get("posts/{slug}")), map: app => app.MapHybridRest());

        (await start.Should().ThrowAsync<HybridConfigurationException>())
            .Which.Message.Should().Contain(typeof(CountVotes).FullName).And.Contain("Fix:");
    }

    [Fact]
    public async Task Building_the_catalog_is_logged()
    {
        await using var host = Host();

        _ = host.Catalog;

        host.Logs.Entries.Should().ContainSingle(e => e.Category == "Hybrid.Catalog")
            .Which.Message.Should().Contain("1 operations").And.Contain("1 rest");
    }

    [Fact]
    public async Task Hybrid_leaves_the_apps_antiforgery_header_as_it_is()
    {
        await using (var host = Host())
        {
            host.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName.Should().Be(new AntiforgeryOptions().HeaderName);
        }

        await using (var host = Host(after: s => s.Configure<AntiforgeryOptions>(a => a.HeaderName = "X-My-Token")))
        {
            host.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName.Should().Be("X-My-Token");
        }
    }

    [Fact]
    public async Task AddHybrid_registers_problem_details()
    {
        await using var host = Host();

        host.Services.GetService<IProblemDetailsService>().Should().NotBeNull();
    }
}
