using Microsoft.Extensions.DependencyInjection;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Hybrid.Core.Tests.Support;
using MediatR;

namespace Hybrid.Core.Tests.Validation;

public sealed record AddComment(
    [property: Required] string? Author,
    [property: StringLength(20, MinimumLength = 2)] string? Body,
    [property: JsonPropertyName("post_id"), Range(1, int.MaxValue)] int PostId) : IRequest<int>;

public sealed class AddCommentHandler(CallLog calls) : IRequestHandler<AddComment, int>
{
    public Task<int> Handle(AddComment request, CancellationToken cancellationToken)
    {
        calls.Add("handler " + request.Author);
        return Task.FromResult(42);
    }
}

public sealed record Schedule([property: Required] string? Title, DateTime StartsAt, DateTime EndsAt) : IRequest<int>, IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EndsAt <= StartsAt)
        {
            yield return new ValidationResult("The end must follow the start.", [nameof(EndsAt)]);
        }

        if (Title == "forbidden")
        {
            yield return new ValidationResult("Not allowed as a whole.");
        }
    }
}

public sealed class ScheduleHandler(CallLog calls) : IRequestHandler<Schedule, int>
{
    public Task<int> Handle(Schedule request, CancellationToken cancellationToken)
    {
        calls.Add("handler");
        return Task.FromResult(1);
    }
}

public class PagedQuery
{
    [Range(1, 100)]
    public int Size { get; set; } = 10;
}

public sealed class ListComments : PagedQuery, IRequest<int>
{
    public int PostId { get; set; }
}

public sealed class ListCommentsHandler(CallLog calls) : IRequestHandler<ListComments, int>
{
    public Task<int> Handle(ListComments request, CancellationToken cancellationToken)
    {
        calls.Add("handler");
        return Task.FromResult(request.Size);
    }
}

public sealed class PublishDraft : IRequest<int>
{
    [Range(1, int.MaxValue)]
    public int DraftId { get; set; }

    /// <summary>Filled in by the server, never sent by the client.</summary>
    [JsonIgnore]
    [Required]
    public string? PublishedBy { get; set; }
}

public sealed class PublishDraftHandler(CallLog calls) : IRequestHandler<PublishDraft, int>
{
    public Task<int> Handle(PublishDraft request, CancellationToken cancellationToken)
    {
        calls.Add("handler");
        return Task.FromResult(request.DraftId);
    }
}

public class ValidationPipelineTests
{
    private static PipelineHost Host() => PipelineHost.Create(
        o => o.Expose<AddComment>(b => b.AsAction())
            .Expose<Schedule>(b => b.AsAction())
            .Expose<ListComments>(b => b.Get("posts/{postId}/comments"))
            .Expose<PublishDraft>(b => b.AsAction()),
        [
            typeof(AddComment), typeof(AddCommentHandler), typeof(Schedule), typeof(ScheduleHandler),
            typeof(ListComments), typeof(ListCommentsHandler), typeof(PublishDraft), typeof(PublishDraftHandler),
        ]);

    [Fact]
    public async Task A_valid_request_reaches_the_handler_and_its_value_is_the_outcome()
    {
        await using var host = Host();

        var outcome = await host.InvokeAsync<AddComment, int>(new AddComment("ada", "Nice post", 7));

        outcome.Problem.Should().BeNull();
        outcome.Value.Should().Be(42);
        host.Calls.Entries.Should().Equal("handler ada");
    }

    [Fact]
    public async Task Invalid_fields_are_reported_by_json_name_and_the_handler_is_not_called()
    {
        await using var host = Host();

        var outcome = await host.InvokeAsync<AddComment, int>(new AddComment(null, "x", 0));

        var problem = outcome.Problem!;
        problem.Status.Should().Be(400);
        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Detail.Should().NotBeNullOrEmpty();
        problem.Errors.Should().NotBeNull();
        problem.Errors!.Keys.Should().BeEquivalentTo("author", "body", "post_id");
        host.Calls.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task Messages_name_the_field_by_its_json_name()
    {
        await using var host = Host();

        var problem = (await host.InvokeAsync<AddComment, int>(new AddComment(null, "ok body", -1))).Problem!;

        problem.Errors!["author"].Should().ContainSingle().Which.Should().Contain("author").And.NotContain("Author");
        problem.Errors["post_id"].Should().ContainSingle().Which.Should().Contain("post_id").And.NotContain("PostId");
    }

    [Fact]
    public async Task Object_level_validation_is_keyed_by_json_name_and_stops_the_handler()
    {
        await using var host = Host();
        var start = new DateTime(2025, 1, 2, 0, 0, 0, DateTimeKind.Utc);

        var problem = (await host.InvokeAsync<Schedule, int>(new Schedule("Launch", start, start.AddHours(-1)))).Problem!;

        problem.Code.Should().Be(ProblemCodes.ValidationFailed);
        problem.Errors.Should().ContainKey("endsAt").WhoseValue.Should().Equal("The end must follow the start.");
        host.Calls.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task Object_level_errors_without_a_member_are_keyed_by_the_empty_string()
    {
        await using var host = Host();
        var start = new DateTime(2025, 1, 2, 0, 0, 0, DateTimeKind.Utc);

        var problem = (await host.InvokeAsync<Schedule, int>(new Schedule("forbidden", start, start.AddHours(1)))).Problem!;

        problem.Errors.Should().ContainKey(string.Empty).WhoseValue.Should().Equal("Not allowed as a whole.");
    }

    [Fact]
    public async Task Object_level_validation_waits_for_valid_fields()
    {
        await using var host = Host();
        var start = new DateTime(2025, 1, 2, 0, 0, 0, DateTimeKind.Utc);

        var problem = (await host.InvokeAsync<Schedule, int>(new Schedule(null, start, start.AddHours(-1)))).Problem!;

        problem.Errors!.Keys.Should().Equal("title");
    }

    [Fact]
    public async Task Validation_attributes_on_inherited_properties_are_checked()
    {
        await using var host = Host();

        var problem = (await host.InvokeAsync<ListComments, int>(new ListComments { PostId = 1, Size = 1000 })).Problem;

        problem.Should().NotBeNull();
        problem!.Errors.Should().ContainKey("size");
        host.Calls.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task A_json_ignored_property_is_not_validated_because_the_client_cannot_send_it()
    {
        await using var host = Host();

        var outcome = await host.InvokeAsync<PublishDraft, int>(new PublishDraft { DraftId = 5 });

        outcome.Problem.Should().BeNull();
        outcome.Value.Should().Be(5);
    }

    [Fact]
    public async Task Other_fields_of_a_type_with_a_json_ignored_property_are_still_validated()
    {
        await using var host = Host();

        var problem = (await host.InvokeAsync<PublishDraft, int>(new PublishDraft { DraftId = 0 })).Problem;

        problem!.Errors!.Keys.Should().Equal("draftId");
    }
}
