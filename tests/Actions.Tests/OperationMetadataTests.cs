using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Hybrid.Testing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Hybrid.Actions.Tests;

/// <summary>
/// The operation model read straight from the app's EndpointDataSource: which metadata each door
/// endpoint of an operation carries, and in which order.
/// </summary>
public sealed class OperationMetadataTests
{
    /// <summary>The endpoint attributes of <see cref="Annotated"/>, then of its handler, in declaration order.</summary>
    private static readonly string[] AnnotatedAttributes =
    [
        "Authorize roles=editor",
        "EnableRateLimiting fixed",
        "Tags from-request",
        "Summary Annotated request",
        "RequestSizeLimit 4096",
        "AppMarker request",
        "AllowAnonymous",
        "Tags from-handler",
        "Description Described by the handler.",
        "AppMarker handler",
    ];

    [Fact]
    public async Task Request_then_handler_attributes_reach_every_endpoint_of_the_operation_on_both_doors_in_order()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o => o.Expose<Annotated>(op => op.AsAction().Post("annotated").Post("annotated", version: 2)));

        var endpoints = EndpointsOf<Annotated>(host);

        endpoints.Select(e => e.RoutePattern.RawText).Should().BeEquivalentTo("/_actions/Annotated", "/api/v1/annotated", "/api/v2/annotated");
        endpoints.Select(e => e.Metadata.GetMetadata<HybridEndpointMetadata>()!.Door).Should().BeEquivalentTo([HybridDoors.Action, HybridDoors.Rest, HybridDoors.Rest]);
        foreach (var endpoint in endpoints)
        {
            Described(endpoint.Metadata).Should().Equal(AnnotatedAttributes, endpoint.DisplayName);
        }

        // The operation states the same list, in the same order.
        Described(endpoints[0].Metadata.GetMetadata<HybridOperation>()!.Metadata).Should().Equal(AnnotatedAttributes);
    }

    [Fact]
    public async Task Attribute_metadata_follows_the_door_metadata_so_ASP_NET_Core_reads_the_operations_values()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o => o.Expose<Annotated>(op => op.AsAction().Post("annotated")));

        foreach (var endpoint in EndpointsOf<Annotated>(host))
        {
            var metadata = endpoint.Metadata;
            IndexOf<HybridEndpointMetadata>(metadata).Should().BeLessThan(IndexOf<AuthorizeAttribute>(metadata), endpoint.DisplayName);
            IndexOf<AuthorizeAttribute>(metadata).Should().BeLessThan(IndexOf<AllowAnonymousAttribute>(metadata), endpoint.DisplayName);
            metadata.GetMetadata<IRequestSizeLimitMetadata>()!.MaxRequestBodySize.Should().Be(4096);
            metadata.GetMetadata<IEndpointSummaryMetadata>()!.Summary.Should().Be("Annotated request");
            metadata.GetMetadata<IEndpointDescriptionMetadata>()!.Description.Should().Be("Described by the handler.");
            metadata.GetOrderedMetadata<ITagsMetadata>().SelectMany(t => t.Tags).Should().Equal("from-request", "from-handler");
            metadata.GetMetadata<EnableRateLimitingAttribute>()!.PolicyName.Should().Be("fixed");
            metadata.GetOrderedMetadata<AppMarkerAttribute>().Select(m => m.Name).Should().Equal("request", "handler");
        }
    }

    [Fact]
    public async Task Exposure_serializer_validation_diagnostics_and_compiler_attributes_are_not_endpoint_metadata()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o => o.Expose<Annotated>(op => op.AsAction().Post("annotated")));

        // The types do carry them: otherwise this test would prove nothing.
        var declared = typeof(Annotated).GetCustomAttributes(inherit: true).Select(a => a.GetType()).ToList();
        declared.Should().Contain(t => t.Namespace == "System.Runtime.CompilerServices", "a record with nullable members gets the compiler's nullable attributes");
        declared.Should().Contain([typeof(System.Text.Json.Serialization.JsonUnmappedMemberHandlingAttribute), typeof(System.ComponentModel.DataAnnotations.DisplayColumnAttribute), typeof(System.Diagnostics.DebuggerDisplayAttribute)]);
        typeof(CreateNote).GetCustomAttributes(inherit: true).Should().ContainSingle(a => a is ActionAttribute);
        typeof(CountNotes).GetCustomAttributes(inherit: true).Should().ContainSingle(a => a is ActionAttribute);
        typeof(ListNotes).GetCustomAttributes(inherit: true).Should().ContainSingle(a => a is RestGetAttribute);

        var left = typeof(Annotated).GetCustomAttributes(inherit: true).Select(a => a.GetType()).Where(IsLeftOut).ToList();
        left.Should().HaveCountGreaterThanOrEqualTo(4);
        var endpoints = EndpointsOf<Annotated>(host).Concat(EndpointsOf<CreateNote>(host)).Concat(EndpointsOf<CountNotes>(host)).Concat(EndpointsOf<ListNotes>(host)).ToList();

        endpoints.Should().HaveCount(5);
        foreach (var endpoint in endpoints)
        {
            var types = endpoint.Metadata.Select(m => m.GetType()).ToList();
            types.Should().NotContain(t => typeof(ActionAttribute).IsAssignableFrom(t) || typeof(RestRouteAttribute).IsAssignableFrom(t), endpoint.DisplayName);
            types.Should().NotContain(left, endpoint.DisplayName);
            endpoint.Metadata.GetMetadata<HybridOperation>()!.Metadata.Select(m => m.GetType()).Should().NotContain(t => IsLeftOut(t) || typeof(ActionAttribute).IsAssignableFrom(t) || typeof(RestRouteAttribute).IsAssignableFrom(t));
        }

        EndpointsOf<CreateNote>(host).Single().Metadata.GetMetadata<HybridOperation>()!.Metadata.Should().BeEmpty();
    }

    [Fact]
    public async Task Conventions_on_op_reach_both_doors_and_per_door_conventions_only_their_door()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o =>
        {
            o.Expose<Conventional>(op =>
            {
                op.AsAction().Get("conventional/{id}").Get("conventional/{id}", version: 2);
                op.WithMetadata(new AppMarkerAttribute("op"));
                op.RequireAuthorization("staff");
                op.Action().WithMetadata(new AppMarkerAttribute("action")).WithTags("ui");
                op.Rest().WithMetadata(new AppMarkerAttribute("rest")).WithTags("public");
            });
            o.Expose<Bystander>(op => op.AsAction().Get("bystander/{id}"));
        });

        var endpoints = EndpointsOf<Conventional>(host);
        var action = endpoints.Single(e => Door(e) == HybridDoors.Action);
        var rest = endpoints.Where(e => Door(e) == HybridDoors.Rest).ToList();

        rest.Select(e => e.RoutePattern.RawText).Should().BeEquivalentTo("/api/v1/conventional/{id}", "/api/v2/conventional/{id}");
        Markers(action).Should().Equal("op", "action");
        Tags(action).Should().Equal("ui");
        action.Metadata.GetMetadata<IAuthorizeData>()!.Policy.Should().Be("staff");
        foreach (var endpoint in rest)
        {
            Markers(endpoint).Should().Equal("op", "rest");
            Tags(endpoint).Should().Equal("public");
            endpoint.Metadata.GetMetadata<IAuthorizeData>()!.Policy.Should().Be("staff");
        }

        var bystanders = EndpointsOf<Bystander>(host);
        bystanders.Should().HaveCount(2);
        foreach (var endpoint in bystanders)
        {
            Markers(endpoint).Should().BeEmpty();
            Tags(endpoint).Should().BeEmpty();
            endpoint.Metadata.GetMetadata<IAuthorizeData>().Should().BeNull();
        }
    }

    [Fact]
    public async Task Code_conventions_come_after_the_attributes_so_code_wins()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o => o.Expose<Annotated>(op =>
        {
            op.AsAction().Post("annotated");
            op.WithMetadata(new AppMarkerAttribute("code"));
            op.Rest().WithMetadata(new RequestSizeLimitAttribute(8192)).WithSummary("Summary from code");
        }));

        var endpoints = EndpointsOf<Annotated>(host);
        var action = endpoints.Single(e => Door(e) == HybridDoors.Action);
        var rest = endpoints.Single(e => Door(e) == HybridDoors.Rest);

        Markers(action).Should().Equal("request", "handler", "code");
        Markers(rest).Should().Equal("request", "handler", "code");
        Last<IRequestSizeLimitMetadata>(action)!.MaxRequestBodySize.Should().Be(4096);
        Last<IRequestSizeLimitMetadata>(rest)!.MaxRequestBodySize.Should().Be(8192);
        Last<IEndpointSummaryMetadata>(action)!.Summary.Should().Be("Annotated request");
        Last<IEndpointSummaryMetadata>(rest)!.Summary.Should().Be("Summary from code");
    }

    [Fact]
    public async Task Code_conventions_add_to_an_operation_exposed_by_attributes()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o =>
        {
            o.Expose<CreateNote>(op => op.Action().WithMetadata(new AppMarkerAttribute("create")));
            o.Expose<ListNotes>(op => op.Rest().WithMetadata(new AppMarkerAttribute("list")));
        });

        Markers(EndpointsOf<CreateNote>(host).Single()).Should().Equal("create");
        Markers(EndpointsOf<ListNotes>(host).Single()).Should().Equal("list");
        Markers(EndpointsOf<ClearNotes>(host).Single()).Should().BeEmpty();
    }

    [Fact]
    public async Task Every_door_endpoint_carries_its_operation_door_and_route()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o => o.Expose<Conventional>(op => op.AsAction().Get("conventional/{id}").Get("conventional/{id}", version: 2)));

        var endpoints = EndpointsOf<Conventional>(host);

        endpoints.Should().HaveCount(3);
        var action = endpoints.Single(e => Door(e) == "action").Metadata.GetMetadata<HybridEndpointMetadata>()!;
        action.Operation.RequestType.Should().Be<Conventional>();
        action.Operation.Should().BeSameAs(endpoints[0].Metadata.GetMetadata<HybridOperation>());
        action.Route.Should().BeNull();
        var routes = endpoints.Where(e => Door(e) == "rest").Select(e => (e.Metadata.GetMetadata<HybridEndpointMetadata>()!, e.Metadata.GetMetadata<RestRoute>())).ToList();
        routes.Should().HaveCount(2);
        foreach (var (metadata, route) in routes)
        {
            metadata.Operation.Should().BeSameAs(action.Operation);
            metadata.Route.Should().NotBeNull().And.BeSameAs(route);
        }

        routes.Select(r => r.Item1.Route!.Version).Should().BeEquivalentTo([1, 2]);
        HybridDoors.Action.Should().Be("action");
        HybridDoors.Rest.Should().Be("rest");

        // Documents, the token page and the action fallback are not operations.
        host.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/openapi/", StringComparison.Ordinal) || e.RoutePattern.RawText is ActionsHost.TokenPath or "/_actions/{**path}")
            .Should().HaveCount(5)
            .And.OnlyContain(e => e.Metadata.GetMetadata<HybridEndpointMetadata>() == null);
    }

    [Fact]
    public async Task ForOperation_reaches_only_that_operations_endpoints_on_that_door()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(
            o =>
            {
                o.Expose<Conventional>(op =>
                {
                    op.AsAction().Get("conventional/{id}").Get("conventional/{id}", version: 2);
                    op.WithMetadata(new AppMarkerAttribute("op"));
                });
                o.Expose<Bystander>(op => op.AsAction().Get("bystander/{id}"));
            },
            app =>
            {
                app.MapHybridActions().ForOperation<Conventional>().WithMetadata(new AppMarkerAttribute("for-action"));
                app.MapHybridRest().ForOperation<Conventional>().WithMetadata(new AppMarkerAttribute("for-rest"));
            });

        var endpoints = EndpointsOf<Conventional>(host);

        Markers(endpoints.Single(e => Door(e) == HybridDoors.Action)).Should().Equal("op", "for-action");
        var rest = endpoints.Where(e => Door(e) == HybridDoors.Rest).ToList();
        rest.Should().HaveCount(2);
        rest.Should().AllSatisfy(e => Markers(e).Should().Equal("op", "for-rest"));
        foreach (var other in EndpointsOf<Bystander>(host).Concat(EndpointsOf<CreateNote>(host)).Concat(EndpointsOf<ListNotes>(host)))
        {
            Markers(other).Should().BeEmpty(other.DisplayName);
        }

        host.Endpoints.Where(e => e.Metadata.GetMetadata<HybridEndpointMetadata>() is null).Should().OnlyContain(e => e.Metadata.GetMetadata<AppMarkerAttribute>() == null);
    }

    [Fact]
    public async Task ForOperation_for_an_operation_not_on_that_door_throws()
    {
        var failures = new List<Exception>();
        await using var host = await ActionsHost.StartBothDoorsAsync(
            _ => { },
            app =>
            {
                var actions = app.MapHybridActions();
                var rest = app.MapHybridRest();
                failures.Add(FluentActions.Invoking(() => rest.ForOperation<CreateNote>()).Should().Throw<InvalidOperationException>().Which);
                failures.Add(FluentActions.Invoking(() => actions.ForOperation<ListNotes>()).Should().Throw<InvalidOperationException>().Which);
                failures.Add(FluentActions.Invoking(() => actions.ForOperation<Ping>()).Should().Throw<InvalidOperationException>().Which);
                actions.ForOperation<CreateNote>().Should().NotBeNull();
                rest.ForOperation<ListNotes>().Should().NotBeNull();
            });

        failures.Should().HaveCount(3);
        failures[0].Message.Should().Contain(typeof(CreateNote).FullName!).And.Contain("rest door");
        failures[1].Message.Should().Contain(typeof(ListNotes).FullName!).And.Contain("action door");
        failures[2].Message.Should().Contain(typeof(Ping).FullName!);
    }

    public static TheoryData<string, Action<HybridOptions>, string> MissingDoorConventions => new()
    {
        { "action conventions, REST only", o => o.Expose<Conventional>(op => { op.Get("conventional/{id}"); op.Action().WithTags("ui"); }), typeof(Conventional).FullName! },
        { "REST conventions, action only", o => o.Expose<Conventional>(op => { op.AsAction(); op.Rest().RequireAuthorization(); }), typeof(Conventional).FullName! },
        { "action conventions on a [RestGet] type", o => o.Expose<ListNotes>(op => op.Action().WithMetadata(new AppMarkerAttribute("x"))), typeof(ListNotes).FullName! },
        { "REST conventions on an [Action] type", o => o.Expose<CreateNote>(op => op.Rest().WithTags("public")), typeof(CreateNote).FullName! },
        { "action finally convention, REST only", o => o.Expose<Conventional>(op => { op.Get("conventional/{id}"); op.Action().Finally(_ => { }); }), typeof(Conventional).FullName! },
    };

    [Theory]
    [MemberData(nameof(MissingDoorConventions))]
    public async Task Conventions_for_a_door_the_operation_is_not_on_stop_start_up_with_HYB022(string because, Action<HybridOptions> configure, string typeName)
    {
        var start = () => ActionsHost.StartBothDoorsAsync(configure);

        var error = (await start.Should().ThrowAsync<HybridConfigurationException>(because)).Which;

        error.Errors.Should().ContainSingle(because).Which.Id.Should().Be("HYB022");
        error.Errors[0].Message.Should().Contain(typeName);
    }

    [Fact]
    public async Task Conventions_on_op_itself_or_an_unused_door_builder_are_fine_on_a_one_door_operation()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o =>
        {
            o.Expose<Conventional>(op =>
            {
                op.AsAction();
                op.WithTags("everywhere");
                _ = op.Rest();
            });
            o.Expose<Bystander>(op => op.Get("bystander/{id}").WithTags("everywhere"));
        });

        Tags(EndpointsOf<Conventional>(host).Should().ContainSingle().Which).Should().Equal("everywhere");
        Tags(EndpointsOf<Bystander>(host).Should().ContainSingle().Which).Should().Equal("everywhere");
    }

    [Fact]
    public async Task Door_conventions_come_before_the_operations_metadata()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(
            o => o.Expose<PublicNotice>(op => op.AsAction().Post("notices").WithMetadata(new AppMarkerAttribute("op"))),
            app =>
            {
                app.MapHybridActions().RequireAuthorization().WithMetadata(new AppMarkerAttribute("door"));
                app.MapHybridRest().RequireAuthorization().WithMetadata(new AppMarkerAttribute("door"));
            });

        var endpoints = EndpointsOf<PublicNotice>(host);

        endpoints.Should().HaveCount(2);
        foreach (var endpoint in endpoints)
        {
            var metadata = endpoint.Metadata;
            var authorize = IndexOf<AuthorizeAttribute>(metadata);
            authorize.Should().BeGreaterThanOrEqualTo(0, endpoint.DisplayName);
            authorize.Should().BeLessThan(IndexOf<HybridEndpointMetadata>(metadata), endpoint.DisplayName);
            IndexOf<HybridEndpointMetadata>(metadata).Should().BeLessThan(IndexOf<AllowAnonymousAttribute>(metadata), endpoint.DisplayName);
            Markers(endpoint).Should().Equal(["door", "op"], endpoint.DisplayName);
        }
    }

    [Fact]
    public async Task Documents_describe_an_operation_with_its_endpoint_metadata()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o => o.Expose<Annotated>(op => op.AsAction().Post("annotated")));

        using var actions = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/openapi/actions.json", UriKind.Relative)));
        using var v1 = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        foreach (var operation in new[]
        {
            actions.RootElement.GetProperty("paths").GetProperty("/_actions/Annotated").GetProperty("post"),
            v1.RootElement.GetProperty("paths").GetProperty("/api/v1/annotated").GetProperty("post"),
        })
        {
            operation.GetProperty("summary").GetString().Should().Be("Annotated request");
            operation.GetProperty("description").GetString().Should().Be("Described by the handler.");
            operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("from-request", "from-handler");
        }
    }

    [Fact]
    public async Task DisableAntiforgery_on_op_Action_is_metadata_of_the_action_endpoint_only()
    {
        await using var host = await ActionsHost.StartBothDoorsAsync(o => o.Expose<Conventional>(op =>
        {
            op.AsAction().Get("conventional/{id}");
            op.Action().DisableAntiforgery();
        }));

        var endpoints = EndpointsOf<Conventional>(host);

        endpoints.Single(e => Door(e) == HybridDoors.Action).Metadata.GetMetadata<IAntiforgeryMetadata>()!.RequiresValidation.Should().BeFalse();
        endpoints.Single(e => Door(e) == HybridDoors.Rest).Metadata.GetMetadata<IAntiforgeryMetadata>().Should().BeNull();
        EndpointsOf<CreateNote>(host).Single().Metadata.GetMetadata<IAntiforgeryMetadata>().Should().BeNull();
    }

    private static bool IsLeftOut(Type attribute) => attribute.Namespace is { } ns && (
        ns.StartsWith("System.Runtime", StringComparison.Ordinal) ||
        ns.StartsWith("System.Text.Json", StringComparison.Ordinal) ||
        ns.StartsWith("System.ComponentModel.DataAnnotations", StringComparison.Ordinal) ||
        ns.StartsWith("System.Diagnostics", StringComparison.Ordinal));

    internal static List<RouteEndpoint> EndpointsOf<T>(TestHost host) =>
        [.. host.Endpoints.OfType<RouteEndpoint>().Where(e => e.Metadata.GetMetadata<HybridEndpointMetadata>()?.Operation.RequestType == typeof(T))];

    private static string Door(Endpoint endpoint) => endpoint.Metadata.GetMetadata<HybridEndpointMetadata>()!.Door;

    private static List<string> Markers(Endpoint endpoint) => [.. endpoint.Metadata.GetOrderedMetadata<AppMarkerAttribute>().Select(m => m.Name)];

    private static List<string> Tags(Endpoint endpoint) => [.. endpoint.Metadata.GetOrderedMetadata<ITagsMetadata>().SelectMany(t => t.Tags)];

    private static T? Last<T>(Endpoint endpoint)
        where T : class => endpoint.Metadata.GetOrderedMetadata<T>() is { Count: > 0 } all ? all[^1] : null;

    private static int IndexOf<T>(EndpointMetadataCollection metadata)
    {
        for (var i = 0; i < metadata.Count; i++)
        {
            if (metadata[i] is T)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The endpoint attributes this file declares, in order, as text; everything else is left out.</summary>
    private static List<string> Described(IEnumerable<object> metadata) =>
    [
        .. metadata.Select(m => m switch
        {
            AuthorizeAttribute a => "Authorize roles=" + a.Roles,
            AllowAnonymousAttribute => "AllowAnonymous",
            EnableRateLimitingAttribute r => "EnableRateLimiting " + r.PolicyName,
            TagsAttribute t => "Tags " + string.Join(",", t.Tags),
            SummaryAttribute s => "Summary " + s.Summary,
            DescriptionAttribute d => "Description " + d.Description,
            RequestSizeLimitAttribute l => "RequestSizeLimit " + ((IRequestSizeLimitMetadata)l).MaxRequestBodySize,
            AppMarkerAttribute a => "AppMarker " + a.Name,
            _ => null,
        }).OfType<string>(),
    ];
}
