using Microsoft.Extensions.DependencyInjection;
using Hybrid.Core.Tests.CatalogValidation;
using Hybrid.Core.Tests.Support;

namespace Hybrid.Core.Tests;

/// <summary>Declared problems and deprecations, as the catalog checks them (HYB024–HYB028).</summary>
public class ContractDeclarationTests
{
    [Fact]
    public void Problems_declared_in_code_are_the_operation_problems_and_its_metadata()
    {
        var catalog = Catalogs.Build(
            o => o.Expose<FindPostById>(b => b.Get("posts/{id}").Problem(404, "post_not_found", "No such post.").Problem(409, "post_locked")),
            typeof(FindPostById), typeof(FindPostByIdHandler));

        var operation = catalog.Operations.Single();
        operation.Problems.Select(p => p.ToString()).Should().Equal("404 post_not_found", "409 post_locked");
        operation.Problems[0].Description.Should().Be("No such post.");
        operation.Metadata.OfType<ProducesProblemAttribute>().Should().HaveCount(2);
    }

    [Theory]
    [InlineData(200, "fine")]
    [InlineData(404, "Not Found")]
    [InlineData(404, "9lives")]
    [InlineData(600, "too_big")]
    public void A_problem_outside_the_rules_is_HYB027(int status, string code) =>
        Catalogs.Fails(o => o.Expose<FindPostById>(b => b.Get("posts/{id}").Problem(status, code)), typeof(FindPostById), typeof(FindPostByIdHandler))
            .SingleError(typeof(FindPostById), "HYB027");

    [Fact]
    public void One_code_under_two_statuses_is_HYB028() =>
        Catalogs.Fails(o => o.Expose<FindPostById>(b => b.Get("posts/{id}").Problem(404, "gone").Problem(410, "gone")), typeof(FindPostById), typeof(FindPostByIdHandler))
            .SingleError(typeof(FindPostById), "HYB028");

    [Fact]
    public void Deprecating_a_version_in_code_marks_its_routes_only()
    {
        var catalog = Catalogs.Build(
            o => o.Expose<FindPostById>(b => b.Get("posts/{id}").Get("posts/{id}", version: 2).Deprecate(1, new DateOnly(2026, 11, 1), new DateOnly(2027, 5, 1), "v2/posts/{id}")),
            typeof(FindPostById), typeof(FindPostByIdHandler));

        var routes = catalog.Operations.Single().Routes;
        var v1 = routes.Single(r => r.Version == 1).Deprecation!;
        v1.Since.Should().Be(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        v1.Sunset.Should().Be(new DateTimeOffset(2027, 5, 1, 0, 0, 0, TimeSpan.Zero));
        v1.Successor.Should().Be("v2/posts/{id}");
        routes.Single(r => r.Version == 2).Deprecation.Should().BeNull();
    }

    [Fact]
    public void Deprecating_a_version_without_routes_is_HYB024() =>
        Catalogs.Fails(o => o.Expose<FindPostById>(b => b.Get("posts/{id}").Deprecate(3, new DateOnly(2026, 11, 1))), typeof(FindPostById), typeof(FindPostByIdHandler))
            .SingleError(typeof(FindPostById), "HYB024");

    [Fact]
    public void A_sunset_before_the_deprecation_is_HYB025() =>
        Catalogs.Fails(o => o.Expose<FindPostById>(b => b.Get("posts/{id}").Deprecate(1, new DateOnly(2026, 11, 1), new DateOnly(2026, 1, 1))), typeof(FindPostById), typeof(FindPostByIdHandler))
            .SingleError(typeof(FindPostById), "HYB025");

    [Fact]
    public void A_successor_naming_an_unknown_placeholder_is_HYB026() =>
        Catalogs.Fails(o => o.Expose<FindPostById>(b => b.Get("posts/{id}").Deprecate(1, new DateOnly(2026, 11, 1), successor: "v2/posts/{slug}")), typeof(FindPostById), typeof(FindPostByIdHandler))
            .SingleError(typeof(FindPostById), "HYB026");
}
