using System.Net;
using System.Net.Sockets;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Contract.Tests;

/// <summary>
/// Every configuration mistake stops the app at start-up, before it serves a request, in one
/// <see cref="HybridConfigurationException"/> whose problems each carry an id and a fix; a setting
/// that reaches no endpoint where it can act is one of them, whichever way it was declared.
/// </summary>
public sealed class StartupCheckTests
{
    public static TheoryData<string, string, Action<HybridOptions>, Action<HybridEndpointConventionBuilder, HybridEndpointConventionBuilder>?> Mistakes => new()
    {
        {
            "a read cache declared for the action door only", "HYB051",
            o => o.Expose<Tally>(op => { op.AsAction().Get("tallies/{name}"); op.Action().WithMetadata(new ReadCacheAttribute(60, "tally:{name}")); }),
            null
        },
        {
            "revalidation declared on a GET after mapping", "HYB052",
            o => o.Expose<PeekTally>(op => op.Get("tallies/{name}")),
            (_, rest) => rest.ForOperation<PeekTally>().WithMetadata(new RevalidatesAttribute("tally:{name}"))
        },
        {
            "a webhook declared on a GET after mapping", "HYB037",
            o => o.Expose<PeekTally>(op => op.Get("tallies/{name}")),
            (_, rest) => rest.ForOperation<PeekTally>().WithMetadata(new StandardWebhookAttribute("Tally:Secret"))
        },
        {
            "a webhook declared for an operation that is also an action", "HYB038",
            o => o.Expose<TallyHook>(op => op.AsAction().Post("hooks/tally").WithMetadata(new StandardWebhookAttribute("Tally:Secret"))),
            null
        },
        {
            "idempotent retries declared on a GET by the door", "HYB035",
            o => o.Expose<PeekTally>(op => op.Get("tallies/{name}")),
            (_, rest) => rest.WithMetadata(new IdempotentAttribute())
        },
        {
            "idempotent retries kept for no time, in code", "HYB036",
            o => o.Expose<Tally>(op => op.Post("tallies/{name}").Rest().WithMetadata(new IdempotentAttribute { ExpirySeconds = 0 })),
            null
        },
        {
            "a problem with an invalid code, after mapping", "HYB027",
            o => o.Expose<Tally>(op => op.Post("tallies/{name}")),
            (_, rest) => rest.ForOperation<Tally>().WithMetadata(new ProducesProblemAttribute(409, "Tally Closed"))
        },
        {
            "a read cache beside another output-cache policy", "HYB053",
            o => o.Expose<Tally>(op => op.Get("tallies/{name}").Rest().WithMetadata(new ReadCacheAttribute(60, "tally:{name}"))),
            (_, rest) => rest.ForOperation<Tally>().CacheOutput()
        },
        {
            "a revalidation target naming no property, by a door convention", "HYB050",
            o => o.Expose<Tally>(op => op.AsAction()),
            (actions, _) => actions.WithMetadata(new RevalidatesAttribute("tally:{colour}"))
        },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_setting_that_cannot_act_stops_the_app_with_its_id(string because, string id, Action<HybridOptions> configure, Action<HybridEndpointConventionBuilder, HybridEndpointConventionBuilder>? map)
    {
        var start = () => SettingsHost.StartAsync(configure, map, environment: "Production");

        var error = (await start.Should().ThrowAsync<HybridConfigurationException>(because)).Which;

        error.Errors.Should().ContainSingle(because).Which.Id.Should().Be(id, because);
        error.Errors[0].Message.Should().Contain("Fix:", because);
    }

    [Fact]
    public async Task Tokens_required_by_a_convention_without_antiforgery_services_stop_the_app_before_any_request()
    {
        var start = () => SettingsHost.StartAsync(o => o.Expose<Tally>(op => op.AsAction().Action().RequireAntiforgeryToken()), antiforgery: false);

        var error = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which;

        error.Errors.Should().ContainSingle().Which.Id.Should().Be("HYB023");
        error.Message.Should().Contain("AddAntiforgery").And.Contain(typeof(Tally).FullName!);
    }

    [Fact]
    public async Task Problems_of_the_options_catalog_and_endpoints_are_one_report()
    {
        var start = () => SettingsHost.StartAsync(
            o =>
            {
                o.Expose<Tally>(op => op.AsAction().Action().WithMetadata(new ReadCacheAttribute(60)).RequireAntiforgeryToken());
                o.Expose<PeekTally>(op => op.Get("tallies/{colour}"));
            },
            antiforgery: false);

        var error = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which;

        error.Errors.Select(e => e.Id).Should().BeEquivalentTo(["HYB010", "HYB051", "HYB023"]);
        error.Message.Should().Contain("3 configuration problem(s)");
        error.Errors.Should().OnlyContain(e => e.Message.Contains("Fix:"));
    }

    [Fact]
    public async Task Invalid_options_are_reported_with_their_ids()
    {
        var start = () => SettingsHost.StartAsync(o =>
        {
            o.Actions().Path = "actions";
            o.Title = " ";
            o.MaxFiles = -1;
        });

        var error = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which;

        error.Errors.Select(e => e.Id).Should().BeEquivalentTo(["HYB060", "HYB061", "HYB063"]);
    }

    [Fact]
    public async Task Mapping_a_door_without_AddHybrid_says_to_call_it()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();

        var map = () => app.MapHybridActions();

        var error = map.Should().Throw<HybridConfigurationException>().Which.Errors.Should().ContainSingle().Subject;
        error.Id.Should().Be("HYB040");
        error.Message.Should().Contain("AddHybrid");
        var rest = () => app.MapHybridRest();
        rest.Should().Throw<HybridConfigurationException>().Which.Errors.Single().Id.Should().Be("HYB040");
    }

    [Fact]
    public async Task A_real_server_with_a_mistake_never_listens()
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TallyStore>();
        builder.Services.AddHybrid([new ScannedTypes(SettingsHost.Types)], o =>
            o.Expose<PeekTally>(op => op.Get("tallies/{name}").Rest().WithMetadata(new RevalidatesAttribute("tally:{name}"))));
        await using var app = builder.Build();
        app.MapHybridRest();

        var start = () => app.StartAsync();

        (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Single().Id.Should().Be("HYB052");
        using var client = new TcpClient();
        var connect = () => client.ConnectAsync(IPAddress.Loopback, port);
        await connect.Should().ThrowAsync<SocketException>("the server never started listening");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
