using Microsoft.Extensions.DependencyInjection;
using Hybrid.Core.Tests.Support;
using MediatR;

namespace Hybrid.Core.Tests.RetryAndWebhookCatalog;

// Exposed in code per test, so these types reach no other test's catalog.
[Idempotent]
public sealed record SubmitOrder(string Item) : IRequest<PostDto>;
public sealed class SubmitOrderHandler() : Answers<SubmitOrder, PostDto>(new PostDto(1, "a"));

[Idempotent(ExpirySeconds = 0)]
public sealed record SubmitBriefly(string Item) : IRequest<PostDto>;
public sealed class SubmitBrieflyHandler() : Answers<SubmitBriefly, PostDto>(new PostDto(1, "a"));

[StandardWebhook("Hooks:Secret")]
public sealed record ReceiveHook(string Kind) : IRequest;
public sealed class ReceiveHookHandler() : Completes<ReceiveHook>;

[StandardWebhook(" ")]
public sealed record ReceiveKeyless(string Kind) : IRequest;
public sealed class ReceiveKeylessHandler() : Completes<ReceiveKeyless>;

public sealed class KeepRaw : IRequest
{
    public string Kind { get; set; } = string.Empty;

    public HybridRawRequest? Raw { get; set; }
}

public sealed class KeepRawHandler() : Completes<KeepRaw>;

public sealed class ReadOnlyRaw : IRequest
{
    public HybridRawRequest? Raw { get; }
}

public sealed class ReadOnlyRawHandler() : Completes<ReadOnlyRaw>;

public sealed class RetryAndWebhookCatalogTests
{
    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public void Idempotent_on_a_POST_or_PATCH_route_is_accepted(string method)
    {
        var catalog = Catalogs.Build(o => o.Expose<SubmitOrder>(b => b.Route(method, "orders")), typeof(SubmitOrder), typeof(SubmitOrderHandler));

        catalog.Operations.Should().ContainSingle().Which.Metadata.Should().ContainSingle(m => m is IdempotentAttribute);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("GET")]
    public void Idempotent_without_a_POST_or_PATCH_route_is_HYB035(string method)
    {
        Catalogs.Fails(o => o.Expose<SubmitOrder>(b => b.Route(method, "orders")), typeof(SubmitOrder), typeof(SubmitOrderHandler))
            .SingleError(typeof(SubmitOrder), "HYB035");
    }

    [Fact]
    public void Idempotent_on_an_action_only_operation_is_HYB035()
    {
        Catalogs.Fails(o => o.Expose<SubmitOrder>(b => b.AsAction()), typeof(SubmitOrder), typeof(SubmitOrderHandler))
            .SingleError(typeof(SubmitOrder), "HYB035");
    }

    [Fact]
    public void Idempotent_expiry_below_one_second_is_HYB036()
    {
        Catalogs.Fails(o => o.Expose<SubmitBriefly>(b => b.Post("orders")), typeof(SubmitBriefly), typeof(SubmitBrieflyHandler))
            .SingleError(typeof(SubmitBriefly), "HYB036");
    }

    [Fact]
    public void Webhook_on_a_POST_route_is_accepted()
    {
        var catalog = Catalogs.Build(o => o.Expose<ReceiveHook>(b => b.Post("hooks")), typeof(ReceiveHook), typeof(ReceiveHookHandler));

        catalog.Operations.Should().ContainSingle();
    }

    [Fact]
    public void Webhook_without_a_secret_key_is_HYB037()
    {
        Catalogs.Fails(o => o.Expose<ReceiveKeyless>(b => b.Post("hooks")), typeof(ReceiveKeyless), typeof(ReceiveKeylessHandler))
            .SingleError(typeof(ReceiveKeyless), "HYB037");
    }

    [Fact]
    public void Webhook_without_a_POST_route_is_HYB037()
    {
        Catalogs.Fails(o => o.Expose<ReceiveHook>(b => b.Put("hooks")), typeof(ReceiveHook), typeof(ReceiveHookHandler))
            .SingleError(typeof(ReceiveHook), "HYB037");
    }

    [Fact]
    public void Webhook_that_is_also_an_action_is_HYB038()
    {
        Catalogs.Fails(o => o.Expose<ReceiveHook>(b => b.Post("hooks").AsAction()), typeof(ReceiveHook), typeof(ReceiveHookHandler))
            .SingleError(typeof(ReceiveHook), "HYB038");
    }

    [Fact]
    public void Raw_member_on_an_action_is_HYB038()
    {
        Catalogs.Fails(o => o.Expose<KeepRaw>(b => b.Post("raw").AsAction()), typeof(KeepRaw), typeof(KeepRawHandler))
            .SingleError(typeof(KeepRaw), "HYB038");
    }

    [Fact]
    public void Raw_member_on_a_route_without_a_body_or_without_a_setter_is_HYB039()
    {
        Catalogs.Fails(o => o.Expose<KeepRaw>(b => b.Post("raw").Delete("raw")), typeof(KeepRaw), typeof(KeepRawHandler))
            .SingleError(typeof(KeepRaw), "HYB039");
        Catalogs.Fails(o => o.Expose<ReadOnlyRaw>(b => b.Post("raw")), typeof(ReadOnlyRaw), typeof(ReadOnlyRawHandler))
            .SingleError(typeof(ReadOnlyRaw), "HYB039");
    }

    [Fact]
    public void Raw_member_is_not_part_of_the_request_shape()
    {
        var catalog = Catalogs.Build(o => o.Expose<KeepRaw>(b => b.Post("raw")), typeof(KeepRaw), typeof(KeepRawHandler));

        catalog.ShapeOf(catalog.Operations.Single()).Members.Select(m => m.JsonName).Should().Equal("kind");
    }
}
