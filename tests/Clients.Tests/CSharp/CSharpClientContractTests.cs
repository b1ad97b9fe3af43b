using Hybrid.Clients.Tests.Contract;

namespace Hybrid.Clients.Tests.CSharp;

/// <summary>
/// The C# client generated from the task board's baseline document, compiled and run: what it sends for
/// optional members, 304s, tokens and base addresses; and that it keeps working against the board after
/// each change the contract gate allows.
/// </summary>
public sealed class CSharpClientContractTests(TaskBoardHosts board) : IClassFixture<TaskBoardHosts>
{
    public static TheoryData<string> Stages => new() { "a new enum value", "a new optional property", "a new problem code", "a new operation" };

    private const string Caller = TaskBoardHosts.Caller;

    [Fact]
    public async Task Optional_members_left_unset_are_left_out_and_the_server_applies_its_defaults()
    {
        while (board.Bodies.TryDequeue(out _))
        {
        }

        (await board.Client.CallAsync(Caller, "CreateWithDefaults", board.Baseline.Client)).Should().Be("x Low 2027-01-01 1 null");
        (await board.Client.CallAsync(Caller, "CreateWithValues", board.Baseline.Client)).Should().Be("y High 2027-03-01 5 n");

        board.Bodies.Should().Equal(
            """{"title":"x"}""",
            """{"title":"y","priority":"High","due":"2027-03-01","estimate":5,"notes":"n"}""");
    }

    [Fact]
    public void Optional_members_are_nullable_and_ignored_when_null_while_required_ones_are_always_written()
    {
        var create = Block(board.Client.Source, "public partial class CreateTask\n", "\n    }\n");
        foreach (var optional in new[] { "Priority? Priority {", "System.DateOnly? Due {", "int? Estimate {", "string? Notes {" })
        {
            Attributes(create, optional).Should().Contain("JsonIgnoreCondition.WhenWritingNull", optional + " is optional");
        }

        Attributes(create, "string Title {").Should().NotContain("JsonIgnore", "the title is required");
    }

    [Fact]
    public async Task A_request_with_a_file_is_sent_as_a_form_the_server_reads_whole()
    {
        (await board.Client.CallAsync(Caller, "Attach", board.Baseline.Client))
            .Should().Be("7 minutes 2027-03-01 13:45:30 2027-03-01T09:30:00.0000000+02:00 12.5 a,b first1,second2 notes.txt 5");
        (await board.Client.CallAsync(Caller, "AttachCaption", board.Baseline.Client)).Should().Be("bare 2027-01-01 null 0 0 null -1");
    }

    [Fact]
    public async Task A_conditional_GET_answers_NotModified_with_the_ETag_instead_of_throwing() =>
        (await board.Client.CallAsync(Caller, "Conditional", board.Baseline.Client))
            .Should().Be("False Write the spec True | True True False | False Review it");

    [Fact]
    public async Task The_token_provider_is_asked_before_every_request_and_an_empty_token_sends_no_header()
    {
        while (board.Authorizations.TryDequeue(out _))
        {
        }

        (await board.Client.CallAsync(Caller, "Tokens", board.Baseline.Client)).Should().Be("done");

        board.Authorizations.Should().Equal("Bearer one", "Bearer two", "", "Bearer three");
    }

    [Theory]
    [InlineData("http://localhost/board")]
    [InlineData("http://localhost/board/")]
    public async Task A_base_address_with_or_without_its_trailing_slash_reaches_the_app(string baseAddress)
    {
        using var http = TaskBoardHosts.ClientOf(board.UnderPath, baseAddress);

        (await board.Client.CallAsync(Caller, "Title", http, 2)).Should().Be("Review it");
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task Each_stage_passes_the_contract_gate(string stage)
    {
        var current = await board.Stages[stage].Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        current.Should().NotBe(board.BaselineDocument, "the stage changed the document");
        MiniApi.Compare(board.BaselineDocument, current).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task The_baseline_client_keeps_working_after(string stage)
    {
        var host = board.Stages[stage];

        (await board.Client.CallAsync(Caller, "CreateWithDefaults", host.Client)).Should().Be("x Low 2027-01-01 1 null");
        (await board.Client.CallAsync(Caller, "CreateWithValues", host.Client)).Should().Be("y High 2027-03-01 5 n");
        (await board.Client.CallAsync(Caller, "Missing", host.Client, 404)).Should().Be("404 task_not_found task_not_found No task has this id.");
        (await board.Client.CallAsync(Caller, "Conditional", host.Client)).Should().Be("False Write the spec True | True True False | False Review it");
        (await board.Client.CallAsync(Caller, "CopyPriority", host.Client, 1)).Should().Be("High True True");
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task An_enum_value_the_client_does_not_know_reads_with_the_rest_of_the_list_and_goes_back_as_it_came(string stage)
    {
        var host = board.Stages[stage];

        (await board.Client.CallAsync(Caller, "List", host.Client))
            .Should().Be("1 Write the spec High; 2 Review it Low; 3 Fix the outage Urgent (unknown)");
        (await board.Client.CallAsync(Caller, "CopyPriority", host.Client, 3)).Should().Be("Urgent True False");
    }

    [Fact]
    public async Task A_problem_code_the_client_does_not_know_is_still_the_typed_problem()
    {
        var host = board.Stages["a new problem code"];

        (await board.Client.CallAsync(Caller, "Missing", host.Client, 410)).Should().Be("404 task_archived unknown The task was archived.");

        // A client generated now would name the problem after both codes (docs/clients.md says so).
        board.BaselineDocument.Should().Contain("\"TaskNotFoundProblem\"");
        (await host.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).Should().Contain("\"TaskNotFoundOrTaskArchivedProblem\"");
    }

    [Fact]
    public void The_documented_program_is_part_of_the_compiled_client() =>
        board.Client.Assembly.EntryPoint.Should().NotBeNull("the C# blocks of docs/clients.md were compiled as the program");

    private static string Block(string text, string start, string end)
    {
        var begin = text.IndexOf(start, StringComparison.Ordinal);
        begin.Should().BeGreaterThan(0, start + " is in the generated code");
        return text[begin..text.IndexOf(end, begin, StringComparison.Ordinal)];
    }

    /// <summary>A property's declaration with the attributes above it (properties are a blank line apart).</summary>
    private static string Attributes(string type, string declaration)
    {
        var at = type.IndexOf(declaration, StringComparison.Ordinal);
        at.Should().BeGreaterThan(0, declaration + " is declared");
        var begin = type.LastIndexOf("\n\n", at, StringComparison.Ordinal);
        return type[begin..at];
    }
}
