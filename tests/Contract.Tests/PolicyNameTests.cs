using System.Net;
using Hybrid.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Contract.Tests;

/// <summary>
/// HYB081: a policy name the app's <see cref="IAuthorizationPolicyProvider"/> does not know stops the
/// app at start-up, in the one report, however it was declared; today's alternative is a 500 on every
/// call. The app's own provider is asked, so one that makes policies on the fly still starts and
/// decides each call.
/// </summary>
public sealed class PolicyNameTests
{
    private static readonly Type[] Types = [typeof(ReadGauge), typeof(ReadGaugeHandler), typeof(ReadGuardedGauge), typeof(ReadGuardedGaugeHandler)];

    private static Task<TestHost> StartAsync(
        Action<HybridOptions> configure,
        Action<IServiceCollection>? services = null,
        Action<HybridEndpointConventionBuilder>? rest = null) =>
        TestHost.StartAsync(
            [new ScannedTypes(Types)],
            configure,
            s =>
            {
                s.AddAuthentication(TestBearer.Name).AddScheme<AuthenticationSchemeOptions, TestBearer>(TestBearer.Name, null);
                s.AddAuthorization();
                services?.Invoke(s);
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapHybridActions();
                var door = app.MapHybridRest();
                rest?.Invoke(door);
            });

    private static async Task<HttpStatusCode> StatusAsync(TestHost host, string bearer)
    {
        using var response = await host.GetAsync("/api/v1/gauges/oil", bearer: bearer);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_policy_named_by_attribute_that_no_one_defines_stops_the_app_with_HYB081()
    {
        var start = () => StartAsync(o => o.Expose<ReadGuardedGauge>(op => op.AsAction().Get("gauges/{name}")));

        var error = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Id.Should().Be("HYB081");
        error.Message.Should().Be(
            $"{typeof(ReadGuardedGauge).FullName} requires the authorization policy 'NoSuchPolicy', which the app's DefaultAuthorizationPolicyProvider does not know, so ASP.NET Core would answer every call with 500. " +
            "Fix: define it (services.AddAuthorizationBuilder().AddPolicy(\"NoSuchPolicy\", p => p.RequireAuthenticatedUser())), or name a policy the app defines.");
    }

    [Fact]
    public async Task A_policy_named_by_a_door_convention_is_checked_too()
    {
        var start = () => StartAsync(o => o.Expose<ReadGauge>(op => op.Get("gauges/{name}")), rest: door => door.RequireAuthorization("partners"));

        var error = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Id.Should().Be("HYB081");
        error.Message.Should().StartWith($"{typeof(ReadGauge).FullName} requires the authorization policy 'partners',");
    }

    [Fact]
    public async Task A_policy_named_in_code_for_one_door_is_checked_with_every_other_problem()
    {
        var start = () => StartAsync(
            o =>
            {
                o.Expose<ReadGauge>(op => op.AsAction().Get("gauges/{name}").Rest().RequireAuthorization("partners"));
                o.Expose<ReadGuardedGauge>(op => op.Get("guarded/{colour}"));
            });

        var errors = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors;
        errors.Select(e => e.Id).Should().BeEquivalentTo(["HYB010", "HYB081"]);
    }

    [Fact]
    public async Task A_defined_policy_starts_and_decides_each_call()
    {
        await using var host = await StartAsync(
            o => o.Expose<ReadGuardedGauge>(op => op.Get("gauges/{name}")),
            s => s.AddAuthorizationBuilder().AddPolicy(PolicyNames.Undefined, p => p.RequireRole("gauges")));

        (await StatusAsync(host, "ann:gauges")).Should().Be(HttpStatusCode.OK);
        (await StatusAsync(host, "bob:")).Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_provider_that_makes_policies_from_their_names_starts_and_decides_each_call()
    {
        await using var host = await StartAsync(
            o => o.Expose<ReadGauge>(op => op.Get("gauges/{name}")),
            s => s.AddSingleton<IAuthorizationPolicyProvider, RolePolicyProvider>(),
            rest: door => door.RequireAuthorization(PolicyNames.RolePrefix + "gauges"));

        (await StatusAsync(host, "ann:gauges")).Should().Be(HttpStatusCode.OK);
        (await StatusAsync(host, "bob:")).Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_provider_that_can_only_answer_inside_a_request_is_not_second_guessed()
    {
        await using var host = await StartAsync(
            o => o.Expose<ReadGauge>(op => op.Get("gauges/{name}")),
            s => s.AddHttpContextAccessor().AddSingleton<IAuthorizationPolicyProvider, PerRequestPolicyProvider>(),
            rest: door => door.RequireAuthorization("gauges"));

        (await StatusAsync(host, "ann:gauges")).Should().Be(HttpStatusCode.OK);
        (await StatusAsync(host, "bob:")).Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_name_the_custom_provider_does_not_make_is_named_with_the_provider()
    {
        var start = () => StartAsync(
            o => o.Expose<ReadGauge>(op => op.Get("gauges/{name}")),
            s => s.AddSingleton<IAuthorizationPolicyProvider, RolePolicyProvider>(),
            rest: door => door.RequireAuthorization("gauges"));

        var error = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Id.Should().Be("HYB081");
        error.Message.Should().Contain("'gauges', which the app's RolePolicyProvider does not know");
    }
}
