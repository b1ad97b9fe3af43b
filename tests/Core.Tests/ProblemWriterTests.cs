using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Core.Tests.Problems;

public class ProblemWriterTests
{
    private static DefaultHttpContext Context(Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection().AddLogging();
        collection.AddProblemDetails();
        services?.Invoke(collection);
        return new DefaultHttpContext
        {
            RequestServices = collection.BuildServiceProvider(),
            TraceIdentifier = "trace-0042",
            Response = { Body = new MemoryStream() },
        };
    }

    private static JsonElement Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        using var document = JsonDocument.Parse(context.Response.Body);
        return document.RootElement.Clone();
    }

    private static Dictionary<string, string> Members(JsonElement body) =>
        body.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Object).ToDictionary(p => p.Name, p => p.Value.ToString());

    [Fact]
    public async Task A_problem_is_written_as_rfc_9457_problem_json()
    {
        var context = Context();

        await ProblemWriter.WriteAsync(context, OperationProblem.From(new NotFoundException("Post 7 does not exist.", "post_not_found")));

        context.Response.StatusCode.Should().Be(404);
        context.Response.ContentType.Should().StartWith("application/problem+json");
        Members(Body(context)).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            ["title"] = "Not Found",
            ["status"] = "404",
            ["detail"] = "Post 7 does not exist.",
            ["code"] = "post_not_found",
            ["traceId"] = "trace-0042",
        });
    }

    [Fact]
    public async Task Validation_problems_carry_errors_by_field()
    {
        var context = Context();
        var errors = new Dictionary<string, string[]> { ["author"] = ["The author field is required."], ["post_id"] = ["Too small.", "Odd."] };

        await ProblemWriter.WriteAsync(context, OperationProblem.Validation(errors));

        context.Response.StatusCode.Should().Be(400);
        var body = Body(context);
        body.GetProperty("status").GetInt32().Should().Be(400);
        body.GetProperty("title").GetString().Should().Be("Bad Request");
        body.GetProperty("type").GetString().Should().Be("https://tools.ietf.org/html/rfc9110#section-15.5.1");
        body.GetProperty("code").GetString().Should().Be(ProblemCodes.ValidationFailed);
        body.GetProperty("traceId").GetString().Should().Be("trace-0042");
        body.GetProperty("errors").GetProperty("author").EnumerateArray().Select(e => e.GetString()).Should().Equal("The author field is required.");
        body.GetProperty("errors").GetProperty("post_id").EnumerateArray().Select(e => e.GetString()).Should().Equal("Too small.", "Odd.");
    }

    [Fact]
    public async Task A_problem_without_errors_has_no_errors_member()
    {
        var context = Context();

        await ProblemWriter.WriteAsync(context, OperationProblem.From(new ConflictException("The slug is taken.")));

        Body(context).TryGetProperty("errors", out _).Should().BeFalse();
    }

    [Fact]
    public async Task A_problem_header_is_written()
    {
        var context = Context();

        await ProblemWriter.WriteAsync(context, OperationProblem.Create(405, ProblemCodes.MethodNotAllowed, "Use POST.", "Allow", "POST"));

        context.Response.StatusCode.Should().Be(405);
        context.Response.Headers.Allow.ToString().Should().Be("POST");
        Body(context).GetProperty("code").GetString().Should().Be(ProblemCodes.MethodNotAllowed);
    }

    [Fact]
    public async Task The_apps_problem_details_customisation_applies()
    {
        var context = Context(s => s.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["app"] = "blog"));

        await ProblemWriter.WriteAsync(context, OperationProblem.Internal());

        var body = Body(context);
        body.GetProperty("app").GetString().Should().Be("blog");
        body.GetProperty("code").GetString().Should().Be(ProblemCodes.InternalError);
    }

    [Fact]
    public async Task Without_a_problem_details_service_problem_json_is_still_written()
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().BuildServiceProvider(),
            TraceIdentifier = "trace-0043",
            Response = { Body = new MemoryStream() },
        };

        await ProblemWriter.WriteAsync(context, OperationProblem.From(new ForbiddenException("No.")));

        context.Response.StatusCode.Should().Be(403);
        context.Response.ContentType.Should().StartWith("application/problem+json");
        var body = Body(context);
        body.GetProperty("code").GetString().Should().Be(ProblemCodes.Forbidden);
        body.GetProperty("traceId").GetString().Should().Be("trace-0043");
        body.GetProperty("title").GetString().Should().Be("Forbidden");
    }

    [Fact]
    public async Task A_client_that_does_not_accept_json_still_gets_problem_json()
    {
        var context = Context();
        context.Request.Headers.Accept = "text/html";

        await ProblemWriter.WriteAsync(context, OperationProblem.From(new NotFoundException("Gone.")));

        context.Response.ContentType.Should().StartWith("application/problem+json");
        Body(context).GetProperty("detail").GetString().Should().Be("Gone.");
    }

    [Fact]
    public void The_trace_id_is_the_current_activitys_when_there_is_one()
    {
        using var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();

        var details = ProblemWriter.ToProblemDetails(OperationProblem.Internal(), new DefaultHttpContext { TraceIdentifier = "ignored" });

        details.Extensions["traceId"].Should().Be(activity.Id);
    }

    [Fact]
    public void Validation_problems_become_http_validation_problem_details()
    {
        var details = ProblemWriter.ToProblemDetails(
            OperationProblem.Validation(new Dictionary<string, string[]> { ["title"] = ["Required."] }),
            new DefaultHttpContext());

        details.Should().BeOfType<HttpValidationProblemDetails>().Which.Errors.Should().ContainKey("title");
        details.Title.Should().Be("Bad Request");
    }

    [Theory]
    [InlineData(400, "https://tools.ietf.org/html/rfc9110#section-15.5.1")]
    [InlineData(403, "https://tools.ietf.org/html/rfc9110#section-15.5.4")]
    [InlineData(404, "https://tools.ietf.org/html/rfc9110#section-15.5.5")]
    [InlineData(409, "https://tools.ietf.org/html/rfc9110#section-15.5.10")]
    [InlineData(413, "https://tools.ietf.org/html/rfc9110#section-15.5.14")]
    [InlineData(415, "https://tools.ietf.org/html/rfc9110#section-15.5.16")]
    [InlineData(500, "https://tools.ietf.org/html/rfc9110#section-15.6.1")]
    [InlineData(503, "https://tools.ietf.org/html/rfc9110#section-15.6.4")]
    [InlineData(504, "https://tools.ietf.org/html/rfc9110#section-15.6.5")]
    [InlineData(502, "https://tools.ietf.org/html/rfc9110#section-15.6.1")]
    [InlineData(408, "https://tools.ietf.org/html/rfc9110#section-15.5.9")]
    [InlineData(418, "about:blank")]
    public void The_type_points_at_the_status_in_rfc_9110(int status, string type) =>
        ProblemWriter.TypeFor(status).Should().Be(type);
}
