using Microsoft.Extensions.DependencyInjection;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Hybrid.Core.Tests.Support;
using MediatR;

namespace Hybrid.Core.Tests.CatalogBuild;

// Attribute-decorated types: every declaration here is valid on its own and together.
[Action]
[RestGet("posts/{postId}")]
public sealed record ShowPost(int PostId) : IRequest<PostDto>;
public sealed class ShowPostHandler() : Answers<ShowPost, PostDto>(new PostDto(1, "a"));

[Action("posts.create", Summary = "Creates a post")]
[RestPost("posts", Location = "posts/{id}", Summary = "Create")]
public sealed record PublishPost([property: Required] string Title) : IRequest<PostDto>;
public sealed class PublishPostHandler() : Answers<PublishPost, PostDto>(new PostDto(1, "a"));

[RestDelete("posts/{postId}")]
public sealed record RemovePost(int PostId) : IRequest;
public sealed class RemovePostHandler() : Completes<RemovePost>;

[RestPut("posts/{postId}")]
public sealed record EditPost(int PostId, string Title) : IRequest<PostDto>;
public sealed class EditPostHandler() : Answers<EditPost, PostDto>(new PostDto(1, "a"));

[RestPatch("posts/{postId}", Version = 2, StatusCode = 202)]
public sealed record TouchPost(int PostId) : IRequest;
public sealed class TouchPostHandler() : Completes<TouchPost>;

[RestPost("posts/{postId}/likes")]
// MediatR 12 still accepts Unit as an explicit result: the same operation as IRequest.
public sealed record LikePost(int PostId) : IRequest<Unit>;
public sealed class LikePostHandler() : Answers<LikePost, Unit>(Unit.Value);

[RestGet("posts/by-slug/{post_slug}")]
public sealed record ShowPostBySlug([property: JsonPropertyName("post_slug")] string Slug) : IRequest<PostDto>;
public sealed class ShowPostBySlugHandler() : Answers<ShowPostBySlug, PostDto>(new PostDto(1, "a"));

// Attribute-free: exposed in code by the tests, or not at all.
public sealed record CountPosts(string? Tag) : IRequest<int>;
public sealed class CountPostsHandler() : Answers<CountPosts, int>(3);

public sealed record NeverExposed(int Id) : IRequest<int>;
public sealed class NeverExposedHandler() : Answers<NeverExposed, int>(0);

public class PagedRequest
{
    public int Page { get; set; } = 1;
}

public sealed class ListComments : PagedRequest, IRequest<int>
{
    public int PostId { get; set; }
}

public sealed class ListCommentsHandler() : Answers<ListComments, int>(0);

public sealed class SearchDrafts : IRequest<int>
{
    public string? Term { get; set; }

    [JsonIgnore]
    public PostDto? Cached { get; set; }
}

public sealed class SearchDraftsHandler() : Answers<SearchDrafts, int>(0);

public class CatalogBuildTests
{
    private static readonly Type[] Attributed =
    [
        typeof(ShowPost), typeof(ShowPostHandler),
        typeof(PublishPost), typeof(PublishPostHandler),
        typeof(RemovePost), typeof(RemovePostHandler),
        typeof(EditPost), typeof(EditPostHandler),
        typeof(TouchPost), typeof(TouchPostHandler),
        typeof(LikePost), typeof(LikePostHandler),
        typeof(ShowPostBySlug), typeof(ShowPostBySlugHandler),
        typeof(CountPosts), typeof(CountPostsHandler),
        typeof(NeverExposed), typeof(NeverExposedHandler),
    ];

    [Fact]
    public void Attributes_produce_one_operation_per_exposed_request_ordered_by_full_name()
    {
        var catalog = Catalogs.Build(null, Attributed);

        catalog.Operations.Select(o => o.RequestType).Should().Equal(
            typeof(EditPost), typeof(LikePost), typeof(PublishPost), typeof(RemovePost), typeof(ShowPost), typeof(ShowPostBySlug), typeof(TouchPost));
        catalog.Operations.Should().NotContain(o => o.RequestType == typeof(NeverExposed) || o.RequestType == typeof(CountPosts));
        catalog.Versions.Should().Equal(1, 2);
    }

    [Fact]
    public void An_operation_knows_its_response_and_handler()
    {
        var catalog = Catalogs.Build(null, Attributed);

        var show = catalog.Operations.Single(o => o.RequestType == typeof(ShowPost));
        show.ResponseType.Should().Be<PostDto>();
        show.HandlerType.Should().Be<ShowPostHandler>();
        show.ReturnsNothing.Should().BeFalse();
        catalog.Operations.Single(o => o.RequestType == typeof(RemovePost)).ReturnsNothing.Should().BeTrue();
    }

    [Fact]
    public void The_action_id_defaults_to_the_type_name_and_lookup_ignores_case()
    {
        var catalog = Catalogs.Build(null, Attributed);

        catalog.FindAction("ShowPost")!.RequestType.Should().Be<ShowPost>();
        catalog.FindAction("showpost")!.RequestType.Should().Be<ShowPost>();
        catalog.FindAction("POSTS.CREATE")!.RequestType.Should().Be<PublishPost>();
        ((Actions.ActionExposure)catalog.FindAction("posts.create")!.ExposureOn(HybridDoors.Action)!).Summary.Should().Be("Creates a post");
        catalog.FindAction("PublishPost").Should().BeNull();
        catalog.FindAction("RemovePost").Should().BeNull("a request with only REST routes is not an action");
    }

    [Fact]
    public void Status_codes_follow_the_conventions_unless_declared()
    {
        var routes = Catalogs.Build(null, Attributed).Operations
            .ToDictionary(o => o.RequestType, o => o.Routes.Single());

        routes[typeof(ShowPost)].StatusCode.Should().Be(200, "GET answers 200");
        routes[typeof(EditPost)].StatusCode.Should().Be(200, "PUT with a value answers 200");
        routes[typeof(PublishPost)].StatusCode.Should().Be(201, "POST answers 201");
        routes[typeof(LikePost)].StatusCode.Should().Be(204, "a Unit result answers 204, even for POST");
        routes[typeof(RemovePost)].StatusCode.Should().Be(204, "a request without a result answers 204");
        routes[typeof(TouchPost)].StatusCode.Should().Be(202, "a declared status wins");
    }

    [Fact]
    public void Routes_keep_what_the_attributes_declare()
    {
        var operations = Catalogs.Build(null, Attributed).Operations.ToDictionary(o => o.RequestType);

        var create = operations[typeof(PublishPost)].Routes.Single();
        create.Method.Should().Be("POST");
        create.Template.Should().Be("posts");
        create.Location.Should().Be("posts/{id}");
        create.Summary.Should().Be("Create");
        create.BindsQuery.Should().BeFalse();

        var touch = operations[typeof(TouchPost)].Routes.Single();
        touch.Method.Should().Be("PATCH");
        touch.Version.Should().Be(2);
        touch.DocumentName.Should().Be("v2");

        operations[typeof(RemovePost)].Routes.Single().BindsQuery.Should().BeTrue();
    }

    [Fact]
    public void A_placeholder_may_use_the_json_property_name()
    {
        var catalog = Catalogs.Build(null, typeof(ShowPostBySlug), typeof(ShowPostBySlugHandler));

        catalog.Operations.Single().Routes.Single().Template.Should().Be("posts/by-slug/{post_slug}");
    }

    [Fact]
    public void Code_exposes_an_attribute_free_request()
    {
        var catalog = Catalogs.Build(
            o => o.Expose<CountPosts>(b => b.AsAction("posts.count", "Counts posts").Route("get", "/posts/count/", summary: "Count")),
            typeof(CountPosts), typeof(CountPostsHandler));

        var count = catalog.Operations.Should().ContainSingle().Subject;
        count.ActionId.Should().Be("posts.count");
        ((Actions.ActionExposure)count.ExposureOn(HybridDoors.Action)!).Summary.Should().Be("Counts posts");
        var route = count.Routes.Should().ContainSingle().Subject;
        route.Method.Should().Be("GET");
        route.Template.Should().Be("posts/count");
        route.Summary.Should().Be("Count");
        route.StatusCode.Should().Be(200);
    }

    [Fact]
    public void Code_declarations_merge_with_attributes()
    {
        var catalog = Catalogs.Build(
            o => o.Expose<ShowPost>(b => b.AsAction("posts.show").Get("posts/{postId}", version: 3))
                .Expose<RemovePost>(b => b.AsAction()),
            Attributed);

        var show = catalog.Operations.Single(o => o.RequestType == typeof(ShowPost));
        show.ActionId.Should().Be("posts.show", "an id given in code replaces the attribute's");
        show.Routes.Select(r => r.ToString()).Should().Equal("GET v1/posts/{postId}", "GET v3/posts/{postId}");
        catalog.FindAction("ShowPost").Should().BeNull();

        var remove = catalog.Operations.Single(o => o.RequestType == typeof(RemovePost));
        remove.ActionId.Should().Be("RemovePost");
        remove.Routes.Should().ContainSingle();
        catalog.Versions.Should().Equal(1, 2, 3);
    }

    [Fact]
    public void Code_that_repeats_an_attribute_route_is_refused()
    {
        Catalogs.Fails(o => o.Expose<ShowPost>(b => b.Get("posts/{postId}")), typeof(ShowPost), typeof(ShowPostHandler))
            .SingleError(typeof(ShowPost), "HYB020").Should().Contain("declared by code");
    }

    [Fact]
    public void Repeated_Expose_calls_for_one_type_accumulate()
    {
        var catalog = Catalogs.Build(
            o =>
            {
                o.Expose<CountPosts>(b => b.AsAction("posts.count"));
                o.Expose<CountPosts>(b => b.Get("posts/count"));
            },
            typeof(CountPosts), typeof(CountPostsHandler));

        var count = catalog.Operations.Should().ContainSingle().Subject;
        count.ActionId.Should().Be("posts.count");
        count.Routes.Should().ContainSingle();
    }

    [Fact]
    public void A_placeholder_may_name_an_inherited_property()
    {
        var catalog = Catalogs.Build(
            o => o.Expose<ListComments>(b => b.Get("posts/{postId}/comments/pages/{page}").Get("posts/{postId}/comments")),
            typeof(ListComments), typeof(ListCommentsHandler));

        catalog.Operations.Single().Routes.Should().HaveCount(2);
        catalog.ShapeOf(catalog.Operations.Single()).Members.Select(m => m.JsonName).Should().BeEquivalentTo("postId", "page");
    }

    [Fact]
    public void A_json_ignored_member_is_not_part_of_a_get_request()
    {
        var catalog = Catalogs.Build(o => o.Expose<SearchDrafts>(b => b.Get("drafts")), typeof(SearchDrafts), typeof(SearchDraftsHandler));

        catalog.ShapeOf(catalog.Operations.Single()).Members.Select(m => m.JsonName).Should().Equal("term");
    }
}
