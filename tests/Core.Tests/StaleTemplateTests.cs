using Microsoft.Extensions.DependencyInjection;
using Hybrid.Core.Tests.CatalogValidation;
using Hybrid.Core.Tests.Support;

namespace Hybrid.Core.Tests;

public sealed record StaleResult(int Id, string Slug);

public class StaleTemplateTests
{
    [Theory]
    [InlineData("posts", "posts")]
    [InlineData("post:{postId}", "post:7")]
    [InlineData("post:{PostId}:comment:{result.id}", "post:7:comment:42")]
    [InlineData("/posts/{postId}/{result.slug}", "/posts/7/a%20b%2Fc")]
    [InlineData("tag:{result.slug}", "tag:a b/c")]
    public void A_template_is_filled_from_the_request_and_the_result(string template, string expected)
    {
        var parsed = StaleTemplate.Parse(template, typeof(RenamePost), typeof(StaleResult), out var unknown);

        unknown.Should().BeNull();
        parsed.Resolve(new RenamePost(7, "t"), new StaleResult(42, "a b/c")).Should().Be(expected);
    }

    [Theory]
    [InlineData("post:{missing}", "missing")]
    [InlineData("comment:{result.nope}", "result.nope")]
    public void A_placeholder_naming_no_property_is_reported(string template, string name)
    {
        StaleTemplate.Parse(template, typeof(RenamePost), typeof(StaleResult), out var unknown);

        unknown.Should().Be(name);
    }

    [Fact]
    public void A_read_tag_is_filled_from_route_or_query_values_by_name()
    {
        var parsed = StaleTemplate.Parse("post:{postId}:page:{page}", typeof(object), null, out _);

        parsed.Resolve(name => name == "postId" ? "3" : name == "page" ? "2" : null).Should().Be("post:3:page:2");
    }

    [Fact]
    public void A_stale_target_naming_nothing_stops_the_app_with_HYB050() =>
        Catalogs.Fails(o => o.Expose<BadStaleTarget>(b => b.Post("posts/{postId}/stale")), typeof(BadStaleTarget), typeof(BadStaleTargetHandler))
            .SingleError(typeof(BadStaleTarget), "HYB050");

    [Fact]
    public void A_read_cache_without_a_GET_route_stops_the_app_with_HYB051() =>
        Catalogs.Fails(o => o.Expose<CachedWithoutGet>(b => b.Post("cached")), typeof(CachedWithoutGet), typeof(CachedWithoutGetHandler))
            .SingleError(typeof(CachedWithoutGet), "HYB051");
}

// Not exposed by attributes: only the tests above expose them, in code.
[Revalidates("post:{nothing}")]
public sealed record BadStaleTarget(int PostId) : MediatR.IRequest;

public sealed class BadStaleTargetHandler() : Completes<BadStaleTarget>;

[ReadCache(60, "cached")]
public sealed record CachedWithoutGet(int Id) : MediatR.IRequest<int>;

public sealed class CachedWithoutGetHandler() : Answers<CachedWithoutGet, int>(1);
