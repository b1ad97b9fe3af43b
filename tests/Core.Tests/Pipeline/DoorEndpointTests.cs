using Hybrid.Core.Tests.Support;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Core.Tests.Pipeline;

public sealed record Echo(string Text) : IRequest<string>;

/// <summary>The client of a test request: its token, and whether it leaves once the handler has done its work.</summary>
public sealed class Departure
{
    public CancellationTokenSource Client { get; } = new();

    public bool LeavesAfterHandler { get; set; }

    public CancellationToken SeenByHandler { get; set; }
}

public sealed class EchoHandler(Departure departure) : IRequestHandler<Echo, string>
{
    public Task<string> Handle(Echo request, CancellationToken cancellationToken)
    {
        departure.SeenByHandler = cancellationToken;
        if (departure.LeavesAfterHandler)
        {
            departure.Client.Cancel();
        }

        return Task.FromResult("echo:" + request.Text);
    }
}

/// <summary>
/// The endpoint runs its steps in order: each filter continues, refuses or answers; a refusal travels
/// as the one problem the responder reads; the filters that let a request through act on its answer in
/// reverse order; the handler gets the client's token and everything after it one the client cannot cut,
/// without <c>RequestAborted</c> being overwritten.
/// </summary>
public sealed class DoorEndpointTests : IAsyncLifetime
{
    private readonly StepLog _log = new();
    private PipelineHost _host = null!;

    private Departure Departure => _host.Services.GetRequiredService<Departure>();

    public Task InitializeAsync()
    {
        _host = PipelineHost.Create(o => o.Expose<Echo>(b => b.AsAction()), [typeof(Echo), typeof(EchoHandler)], after: s => s.AddSingleton<Departure>());
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task A_request_meets_every_step_in_order_and_the_steps_act_on_its_answer_in_reverse()
    {
        var context = await RunAsync(Endpoint());

        context.Response.StatusCode.Should().Be(200);
        _log.Entries.Should().Equal(
            "before origin", "before webhook", "bind", "before preconditions", "succeeded echo:hi", "respond echo:hi",
            "after preconditions responded=True", "after webhook responded=True", "after origin responded=True");
        Departure.SeenByHandler.Should().Be(Departure.Client.Token);
        _log.Tokens.Take(4).Should().AllSatisfy(t => t.Should().Be(Departure.Client.Token));
        _log.Tokens.Skip(5).Should().AllSatisfy(t => t.Should().Be(RequestTokens.Detached));
    }

    [Fact]
    public async Task A_refusal_ends_the_request_before_the_handler_and_reaches_the_responder_as_the_one_problem()
    {
        var refusal = OperationProblem.Create(401, ProblemCodes.WebhookSignatureInvalid, "Unsigned.");

        var context = await RunAsync(Endpoint(webhook: () => FilterDecision.Refuse(refusal, "webhook")));

        context.Response.StatusCode.Should().Be(401);
        _log.Entries.Should().Equal("before origin", "before webhook", "respond webhook_signature_invalid handlerRan=False", "after origin responded=True");
        Departure.SeenByHandler.Should().Be(default(CancellationToken), "the handler never ran");
    }

    [Fact]
    public async Task A_filter_that_answers_itself_skips_the_rest_and_the_responder()
    {
        var context = await RunAsync(Endpoint(webhook: () => FilterDecision.Answered(new FakeAnswer(_log), "webhook")));

        context.Response.StatusCode.Should().Be(200);
        _log.Entries.Should().Equal("before origin", "before webhook", "answer", "after origin responded=False");
    }

    [Fact]
    public async Task A_client_that_leaves_once_the_handler_returned_cuts_nothing_that_follows_and_its_token_is_left_as_it_was()
    {
        Departure.LeavesAfterHandler = true;

        var context = await RunAsync(Endpoint());

        context.Response.StatusCode.Should().Be(200);
        _log.Entries.Should().Contain(["succeeded echo:hi", "respond echo:hi", "after origin responded=True"]);
        _log.Tokens.Skip(5).Should().AllSatisfy(t => t.IsCancellationRequested.Should().BeFalse());
        context.RequestAborted.Should().Be(Departure.Client.Token);
        context.RequestAborted.IsCancellationRequested.Should().BeTrue();
    }

    private DoorEndpoint<Echo, string> Endpoint(Func<FilterDecision>? webhook = null)
    {
        var operation = _host.Catalog.Operations.Single(o => o.RequestType == typeof(Echo));
        var traits = new DoorTraits { Name = "test", DefaultBodyLimit = 1024, AuthenticationSchemes = [] };
        var settings = new EndpointSettings
        {
            Operation = operation,
            Door = traits,
            Endpoint = new HybridEndpointMetadata(operation, traits, HttpMethods.Post, "echo", "echo"),
            Method = HttpMethods.Post,
            Metadata = [],
            Authorization = new EndpointAuthorization(false, true, string.Empty, [], false),
        };
        IHybridFilter[] filters =
        [
            new FakeFilter(PipelineStage.Preconditions, "preconditions", _log),
            new FakeBinder(new Echo("hi"), _log),
            new FakeFilter(PipelineStage.Webhook, "webhook", _log, webhook),
            new FakeFilter(PipelineStage.Origin, "origin", _log),
            new FakeSuccessFilter(_log),
        ];
        return new DoorEndpoint<Echo, string>(settings, filters, new FakeResponder<Echo, string>(_log), _host.Catalog, _host.Services);
    }

    private async Task<HttpContext> RunAsync(DoorEndpoint<Echo, string> endpoint)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = Departure.Client.Token };
        await endpoint.HandleAsync(context);
        return context;
    }
}
