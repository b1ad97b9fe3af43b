using Microsoft.Extensions.DependencyInjection;
using Hybrid.Core.Tests.Support;
using MediatR;

namespace Hybrid.Core.Tests.CatalogValidation;

// Attribute-free on purpose: every exposure below is declared in code, per test, so these
// deliberately broken types cannot leak into another test's catalog.
public sealed record RenamePost(int PostId, string Title) : IRequest;
public sealed class RenamePostHandler() : Completes<RenamePost>;

public sealed record RenameComment(int CommentId, string Body) : IRequest;
public sealed class RenameCommentHandler() : Completes<RenameComment>;

public sealed record FindPostById(int Id) : IRequest<PostDto>;
public sealed class FindPostByIdHandler() : Answers<FindPostById, PostDto>(new PostDto(1, "a"));

public sealed record FindPostByNumber(int Number) : IRequest<PostDto>;
public sealed class FindPostByNumberHandler() : Answers<FindPostByNumber, PostDto>(new PostDto(1, "a"));

public sealed class ComputedKey : IRequest<PostDto>
{
    public int PostId => 7;
}

public sealed class ComputedKeyHandler() : Answers<ComputedKey, PostDto>(new PostDto(7, "a"));

public sealed record PostKey(int Blog, int Number);
public sealed record FindByKey(PostKey Key) : IRequest<PostDto>;
public sealed class FindByKeyHandler() : Answers<FindByKey, PostDto>(new PostDto(1, "a"));

public sealed record Orphan(int Id) : IRequest<int>;

public sealed record Twice(int Id) : IRequest<int>;
public sealed class TwiceFirstHandler() : Answers<Twice, int>(1);
public sealed class TwiceSecondHandler() : Answers<Twice, int>(2);

public sealed record PostFilter(string? Tag, int Max);
public sealed record SearchPosts(string Term, PostFilter Filter) : IRequest<PostDto[]>;
public sealed class SearchPostsHandler() : Answers<SearchPosts, PostDto[]>([]);

public sealed class ListPosts : IRequest<PostDto[]>
{
    public int Page { get; set; }

    public string Sort => "date";
}

public sealed class ListPostsHandler() : Answers<ListPosts, PostDto[]>([]);

public sealed record CreatePost(string Title) : IRequest<PostDto>;
public sealed class CreatePostHandler() : Answers<CreatePost, PostDto>(new PostDto(1, "a"));

public sealed record ArchivePost(int PostId) : IRequest;
public sealed class ArchivePostHandler() : Completes<ArchivePost>;

public sealed class NotARequest
{
    public int Id { get; set; }
}

public abstract class AbstractRequest : IRequest<int>;

public interface IInterfaceRequest : IRequest<int>;

public struct StructRequest : IRequest<int>
{
    public int Id { get; set; }
}

public sealed class TwoResponses : IRequest<int>, IRequest<string>;

public sealed class ResultAndNone : IRequest<int>, IRequest;

public sealed record WatchPosts(string Tag) : IStreamRequest<PostDto>;

public sealed class WatchPostsHandler : IStreamRequestHandler<WatchPosts, PostDto>
{
    public IAsyncEnumerable<PostDto> Handle(WatchPosts request, CancellationToken cancellationToken) => AsyncEnumerable.Empty<PostDto>();
}

public class CatalogValidationTests
{
    [Fact]
    public void Duplicate_action_ids_are_refused_ignoring_case()
    {
        var error = Catalogs.Fails(
            o => o.Expose<RenamePost>(b => b.AsAction("rename")).Expose<RenameComment>(b => b.AsAction("RENAME")),
            typeof(RenamePost), typeof(RenamePostHandler), typeof(RenameComment), typeof(RenameCommentHandler))
            .SingleError(typeof(RenamePost), "HYB006");

        error.Should().Contain(typeof(RenameComment).FullName);
    }

    [Fact]
    public void An_action_id_defaulting_to_the_type_name_collides_with_an_explicit_one()
    {
        var error = Catalogs.Fails(
            o => o.Expose<RenamePost>(b => b.AsAction()).Expose<RenameComment>(b => b.AsAction("renamepost")),
            typeof(RenamePost), typeof(RenamePostHandler), typeof(RenameComment), typeof(RenameCommentHandler))
            .SingleError(typeof(RenamePost), "HYB006");

        error.Should().Contain(typeof(RenameComment).FullName);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("-leading-dash")]
    [InlineData("posts/rename")]
    [InlineData("")]
    public void Invalid_action_ids_are_refused(string id)
    {
        var error = Catalogs.Fails(o => o.Expose<RenamePost>(b => b.AsAction(id)), typeof(RenamePost), typeof(RenamePostHandler))
            .SingleError(typeof(RenamePost), "HYB005");
    }

    [Fact]
    public void An_action_id_of_128_characters_is_accepted_but_129_is_not()
    {
        var longest = "a" + new string('b', 127);
        Catalogs.Build(o => o.Expose<RenamePost>(b => b.AsAction(longest)), typeof(RenamePost), typeof(RenamePostHandler))
            .FindAction(longest).Should().NotBeNull();

        Catalogs.Fails(o => o.Expose<RenamePost>(b => b.AsAction(longest + "c")), typeof(RenamePost), typeof(RenamePostHandler))
            .SingleError(typeof(RenamePost), "HYB005");
    }

    [Fact]
    public void Two_routes_of_the_same_shape_are_refused_even_when_placeholders_differ()
    {
        var error = Catalogs.Fails(
            o => o.Expose<FindPostById>(b => b.Get("posts/{id}")).Expose<FindPostByNumber>(b => b.Get("/Posts/{number}/")),
            typeof(FindPostById), typeof(FindPostByIdHandler), typeof(FindPostByNumber), typeof(FindPostByNumberHandler))
            .SingleError(typeof(FindPostByNumber), "HYB019");

        // Each operation's own template: the duplicate's as declared, the owner's as the owner declared it.
        error.Should().Contain(typeof(FindPostById).FullName)
            .And.Contain("'/Posts/{number}/'")
            .And.Contain("(GET v1/posts/{id})");
    }

    [Fact]
    public void The_same_template_under_another_method_or_version_is_not_a_duplicate()
    {
        var catalog = Catalogs.Build(
            o => o.Expose<FindPostById>(b => b.Get("posts/{id}").Get("posts/{id}", version: 2))
                .Expose<FindPostByNumber>(b => b.Put("posts/{number}")),
            typeof(FindPostById), typeof(FindPostByIdHandler), typeof(FindPostByNumber), typeof(FindPostByNumberHandler));

        catalog.Operations.SelectMany(o => o.Routes).Select(r => r.ToString())
            .Should().BeEquivalentTo("GET v1/posts/{id}", "GET v2/posts/{id}", "PUT v1/posts/{number}");
        catalog.Versions.Should().Equal(1, 2);
    }

    [Fact]
    public void A_route_declared_twice_for_one_type_is_refused()
    {
        var error = Catalogs.Fails(o => o.Expose<FindPostById>(b => b.Get("posts/{id}").Get("posts/{id}")), typeof(FindPostById), typeof(FindPostByIdHandler))
            .SingleError(typeof(FindPostById), "HYB020");
    }

    [Fact]
    public void A_placeholder_naming_no_property_is_refused()
    {
        var error = Catalogs.Fails(o => o.Expose<FindPostById>(b => b.Get("posts/{slug}")), typeof(FindPostById), typeof(FindPostByIdHandler))
            .SingleError(typeof(FindPostById), "HYB010");
    }

    [Fact]
    public void A_placeholder_bound_to_a_read_only_property_is_refused()
    {
        var error = Catalogs.Fails(o => o.Expose<ComputedKey>(b => b.Put("posts/{postId}")), typeof(ComputedKey), typeof(ComputedKeyHandler))
            .SingleError(typeof(ComputedKey), "HYB011");
    }

    [Fact]
    public void A_placeholder_bound_to_a_complex_property_is_refused()
    {
        var error = Catalogs.Fails(o => o.Expose<FindByKey>(b => b.Put("posts/{key}")), typeof(FindByKey), typeof(FindByKeyHandler))
            .SingleError(typeof(FindByKey), "HYB012");

        error.Should().Contain("FindByKey.Key").And.Contain(nameof(PostKey));
    }

    [Fact]
    public void An_exposed_request_without_a_handler_is_refused()
    {
        var error = Catalogs.Fails(o => o.Expose<Orphan>(b => b.AsAction()), typeof(Orphan))
            .SingleError(typeof(Orphan), "HYB004");
    }

    [Fact]
    public void A_request_with_two_handlers_is_refused()
    {
        var error = Catalogs.Fails(o => o.Expose<Twice>(b => b.AsAction()), typeof(Twice), typeof(TwiceFirstHandler), typeof(TwiceSecondHandler))
            .SingleError(typeof(Twice), "HYB001");

        error.Should().Contain(typeof(TwiceFirstHandler).FullName).And.Contain(typeof(TwiceSecondHandler).FullName);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public void A_bodyless_method_whose_non_route_members_are_complex_is_refused(string method)
    {
        var error = Catalogs.Fails(o => o.Expose<SearchPosts>(b => b.Route(method, "posts")), typeof(SearchPosts), typeof(SearchPostsHandler))
            .SingleError(typeof(SearchPosts), "HYB013");
    }

    [Fact]
    public void The_same_complex_request_is_accepted_with_a_body()
    {
        var catalog = Catalogs.Build(o => o.Expose<SearchPosts>(b => b.Route("POST", "posts/search", statusCode: 200)), typeof(SearchPosts), typeof(SearchPostsHandler));

        catalog.Operations.Should().ContainSingle().Which.Routes.Should().ContainSingle().Which.StatusCode.Should().Be(200);
    }

    [Fact]
    public void A_bodyless_method_whose_query_member_is_read_only_is_refused()
    {
        var error = Catalogs.Fails(o => o.Expose<ListPosts>(b => b.Get("posts")), typeof(ListPosts), typeof(ListPostsHandler))
            .SingleError(typeof(ListPosts), "HYB014");
    }

    [Theory]
    [InlineData(199)]
    [InlineData(302)]
    [InlineData(404)]
    [InlineData(500)]
    public void A_success_status_outside_2xx_is_refused(int status)
    {
        var error = Catalogs.Fails(o => o.Expose<CreatePost>(b => b.Route("POST", "posts", statusCode: status)), typeof(CreatePost), typeof(CreatePostHandler))
            .SingleError(typeof(CreatePost), "HYB015");
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    public void A_unit_response_with_a_status_that_needs_a_body_is_refused(int status)
    {
        var error = Catalogs.Fails(o => o.Expose<ArchivePost>(b => b.Route("POST", "posts/{postId}/archive", statusCode: status)), typeof(ArchivePost), typeof(ArchivePostHandler))
            .SingleError(typeof(ArchivePost), "HYB016");

    }

    [Theory]
    [InlineData(202)]
    [InlineData(204)]
    public void A_unit_response_may_answer_202_or_204(int status)
    {
        var catalog = Catalogs.Build(o => o.Expose<ArchivePost>(b => b.Route("POST", "posts/{postId}/archive", statusCode: status)), typeof(ArchivePost), typeof(ArchivePostHandler));

        catalog.Operations.Single().Routes.Single().StatusCode.Should().Be(status);
    }

    [Fact]
    public void A_location_without_201_is_refused()
    {
        var error = Catalogs.Fails(o => o.Expose<CreatePost>(b => b.Route("POST", "posts", statusCode: 200, location: "posts/{id}")), typeof(CreatePost), typeof(CreatePostHandler))
            .SingleError(typeof(CreatePost), "HYB017");
    }

    [Fact]
    public void A_location_placeholder_naming_no_property_is_refused()
    {
        var error = Catalogs.Fails(o => o.Expose<CreatePost>(b => b.Post("posts", location: "posts/{slug}")), typeof(CreatePost), typeof(CreatePostHandler))
            .SingleError(typeof(CreatePost), "HYB018");

        error.Should().Contain("{slug}").And.Contain(nameof(PostDto));
    }

    [Theory]
    [InlineData("posts/{id}")]
    [InlineData("posts/{title}")]
    public void A_location_placeholder_may_name_a_property_of_the_response_or_of_the_request(string location)
    {
        var route = Catalogs.Build(o => o.Expose<CreatePost>(b => b.Post("/posts", location: "/" + location)), typeof(CreatePost), typeof(CreatePostHandler))
            .Operations.Single().Routes.Single();

        route.StatusCode.Should().Be(201);
        route.Location.Should().Be(location);
    }

    [Fact]
    public void An_exposed_type_that_is_not_a_request_is_refused()
    {
        var error = Catalogs.Fails(o => o.Expose<NotARequest>(b => b.AsAction()), typeof(NotARequest))
            .SingleError(typeof(NotARequest), "HYB002");
    }

    [Fact]
    public void An_exposed_type_with_two_response_types_is_refused()
    {
        var error = Catalogs.Fails(o => o.Expose<TwoResponses>(b => b.AsAction()), typeof(TwoResponses))
            .SingleError(typeof(TwoResponses), "HYB002");
    }

    [Fact]
    public void An_exposed_type_with_a_result_and_none_is_refused()
    {
        Catalogs.Fails(o => o.Expose<ResultAndNone>(b => b.AsAction()), typeof(ResultAndNone))
            .SingleError(typeof(ResultAndNone), "HYB002");
    }

    [Fact]
    public void An_exposed_stream_request_is_an_operation_whose_response_is_its_items()
    {
        var catalog = Catalogs.Build(o => o.Expose<WatchPosts>(b => b.AsAction()), typeof(WatchPosts), typeof(WatchPostsHandler));

        var operation = catalog.Operations.Single();
        operation.IsStream.Should().BeTrue();
        operation.ResponseType.Should().Be(typeof(IAsyncEnumerable<>).MakeGenericType(operation.ItemType!));
    }

    [Fact]
    public void An_abstract_request_is_refused()
    {
        Catalogs.Fails(o => o.Expose<AbstractRequest>(b => b.AsAction()), typeof(AbstractRequest))
            .SingleError(typeof(AbstractRequest), "HYB003");
    }

    [Fact]
    public void An_interface_request_is_refused()
    {
        Catalogs.Fails(o => o.Expose<IInterfaceRequest>(b => b.AsAction()), typeof(IInterfaceRequest))
            .SingleError(typeof(IInterfaceRequest), "HYB003");
    }

    [Fact]
    public void A_struct_request_is_refused()
    {
        Catalogs.Fails(o => o.Expose<StructRequest>(b => b.AsAction()), typeof(StructRequest))
            .SingleError(typeof(StructRequest), "HYB003");
    }

    [Theory]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public void A_method_the_rest_door_does_not_map_is_refused(string method)
    {
        Catalogs.Fails(o => o.Expose<FindPostById>(b => b.Route(method, "posts/{id}")), typeof(FindPostById), typeof(FindPostByIdHandler))
            .SingleError(typeof(FindPostById), "HYB007").Should().Contain(method);
    }

    [Fact]
    public void A_version_below_1_is_refused()
    {
        Catalogs.Fails(o => o.Expose<FindPostById>(b => b.Get("posts/{id}", version: 0)), typeof(FindPostById), typeof(FindPostByIdHandler))
            .SingleError(typeof(FindPostById), "HYB008");
    }

    [Fact]
    public void An_unparsable_template_is_refused()
    {
        Catalogs.Fails(o => o.Expose<FindPostById>(b => b.Get("posts/{id")), typeof(FindPostById), typeof(FindPostByIdHandler))
            .SingleError(typeof(FindPostById), "HYB009");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var exception = Catalogs.Fails(
            o => o.Expose<Orphan>(b => b.AsAction())
                .Expose<FindPostById>(b => b.Get("posts/{slug}"))
                .Expose<CreatePost>(b => b.Route("POST", "posts", statusCode: 302)),
            typeof(Orphan), typeof(FindPostById), typeof(FindPostByIdHandler), typeof(CreatePost), typeof(CreatePostHandler));

        exception.Errors.Should().HaveCount(3);
        exception.Errors.Select(e => e.Id).Should().BeEquivalentTo("HYB004", "HYB010", "HYB015");
        exception.Errors.Should().OnlyContain(e => e.Message.Contains("Fix:"));
        exception.Message.Should().Contain("3 configuration problem(s)")
            .And.Contain(typeof(Orphan).FullName)
            .And.Contain(typeof(FindPostById).FullName)
            .And.Contain(typeof(CreatePost).FullName);
    }
}
