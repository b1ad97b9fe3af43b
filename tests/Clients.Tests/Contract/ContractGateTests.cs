namespace Hybrid.Clients.Tests.Contract;

/// <summary>The gate around the comparison: baselines recorded, accepted and checked in a real folder.</summary>
public sealed class ContractGateTests : IDisposable
{
    private const string Fix = " Fix: restore it, or accept the change with dotnet build -p:HybridAcceptContract=true.";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "hybrid-gate-" + Guid.NewGuid().ToString("N"));

    public ContractGateTests() => Directory.CreateDirectory(Path.Combine(_root, "clients"));

    private string Contract => Path.Combine(_root, "contract");

    private string Current(string name) => Path.Combine(_root, "clients", name);

    private string Baseline(string name) => Path.Combine(Contract, name);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_first_run_records_the_baseline()
    {
        File.WriteAllText(Current("v1.json"), MiniApi.Json);
        var output = new StringWriter();

        ContractGate.Run(Contract, [Current("v1.json")], accept: false, output).Should().Be(0);

        File.ReadAllText(Baseline("v1.json")).Should().Be(MiniApi.Json);
        output.ToString().Should().Be($"Hybrid: recorded the contract baseline {Baseline("v1.json")} from v1.json.{Environment.NewLine}");
    }

    [Fact]
    public void An_unchanged_document_passes_silently()
    {
        File.WriteAllText(Current("v1.json"), MiniApi.Json);
        ContractGate.Run(Contract, [Current("v1.json")], accept: false, TextWriter.Null);
        var output = new StringWriter();

        ContractGate.Run(Contract, [Current("v1.json")], accept: false, output).Should().Be(0);

        output.ToString().Should().BeEmpty();
    }

    [Fact]
    public void A_break_writes_one_canonical_error_line_naming_the_baseline()
    {
        File.WriteAllText(Current("v1.json"), MiniApi.Json);
        ContractGate.Run(Contract, [Current("v1.json")], accept: false, TextWriter.Null);
        File.WriteAllText(Current("v1.json"), MiniApi.Changed(MiniApi.Json, d => d.Operation("/api/v1/posts", "get")["parameters"]!.AsArray().RemoveAt(0)));
        var output = new StringWriter();

        ContractGate.Run(Contract, [Current("v1.json")], accept: false, output).Should().Be(1);

        output.ToString().Should().Be(
            $"{Baseline("v1.json")}: error HYB101: GET /api/v1/posts (ListPosts): query parameter 'page' was removed.{Fix}{Environment.NewLine}");
        File.ReadAllText(Baseline("v1.json")).Should().Be(MiniApi.Json, "a failed check leaves the baseline alone");
    }

    [Fact]
    public void Accepting_overwrites_the_baseline_and_the_next_build_passes()
    {
        File.WriteAllText(Current("v1.json"), MiniApi.Json);
        ContractGate.Run(Contract, [Current("v1.json")], accept: false, TextWriter.Null);
        var changed = MiniApi.Changed(MiniApi.Json, d => d.Operation("/api/v1/posts", "get")["parameters"]!.AsArray().RemoveAt(0));
        File.WriteAllText(Current("v1.json"), changed);
        var output = new StringWriter();

        ContractGate.Run(Contract, [Current("v1.json")], accept: true, output).Should().Be(0);

        File.ReadAllText(Baseline("v1.json")).Should().Be(changed);
        output.ToString().Should().Be($"Hybrid: accepted v1.json as the contract baseline {Baseline("v1.json")}.{Environment.NewLine}");
        ContractGate.Run(Contract, [Current("v1.json")], accept: false, TextWriter.Null).Should().Be(0);
    }

    [Fact]
    public void Each_document_is_checked_against_its_own_baseline()
    {
        File.WriteAllText(Current("v1.json"), MiniApi.Json);
        File.WriteAllText(Current("v2.json"), MiniApi.Json);
        ContractGate.Run(Contract, [Current("v1.json"), Current("v2.json")], accept: false, TextWriter.Null);
        File.WriteAllText(Current("v2.json"), MiniApi.Changed(MiniApi.Json, d => d["paths"]!["/api/v1/posts/{postId}"]!.AsObject().Remove("delete")));
        var output = new StringWriter();

        ContractGate.Run(Contract, [Current("v1.json"), Current("v2.json")], accept: false, output).Should().Be(1);

        output.ToString().Should().Be(
            $"{Baseline("v2.json")}: error HYB101: DELETE /api/v1/posts/{{postId}} (DeletePost): the operation was removed.{Fix}{Environment.NewLine}");
    }

    [Fact]
    public void A_baseline_whose_document_is_no_longer_written_is_a_removed_version()
    {
        File.WriteAllText(Current("v1.json"), MiniApi.Json);
        File.WriteAllText(Current("v2.json"), MiniApi.Json);
        ContractGate.Run(Contract, [Current("v1.json"), Current("v2.json")], accept: false, TextWriter.Null);
        var output = new StringWriter();

        ContractGate.Run(Contract, [Current("v1.json")], accept: false, output).Should().Be(1);

        output.ToString().Should().Be(
            $"{Baseline("v2.json")}: error HYB101: v2.json is no longer written: every operation of that version was removed.{Fix}{Environment.NewLine}");
    }

    [Fact]
    public void Accepting_a_removed_version_deletes_its_baseline()
    {
        File.WriteAllText(Current("v1.json"), MiniApi.Json);
        File.WriteAllText(Current("v2.json"), MiniApi.Json);
        ContractGate.Run(Contract, [Current("v1.json"), Current("v2.json")], accept: false, TextWriter.Null);

        ContractGate.Run(Contract, [Current("v1.json")], accept: true, TextWriter.Null).Should().Be(0);

        File.Exists(Baseline("v2.json")).Should().BeFalse();
        File.Exists(Baseline("v1.json")).Should().BeTrue();
    }

    [Fact]
    public void An_unreadable_baseline_is_one_error_with_the_fix()
    {
        File.WriteAllText(Current("v1.json"), MiniApi.Json);
        Directory.CreateDirectory(Contract);
        File.WriteAllText(Baseline("v1.json"), "<<<<<<< HEAD\n{}");
        var output = new StringWriter();

        ContractGate.Run(Contract, [Current("v1.json")], accept: false, output).Should().Be(1);

        var line = output.ToString();
        line.Should().StartWith($"{Baseline("v1.json")}: error HYB102: the contract baseline is not valid JSON (")
            .And.EndWith($"). Fix: restore it from source control, or record it again with dotnet build -p:HybridAcceptContract=true.{Environment.NewLine}");
        line.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
    }

    [Fact]
    public void A_baseline_that_is_not_an_openapi_document_is_unreadable()
    {
        File.WriteAllText(Current("v1.json"), MiniApi.Json);
        Directory.CreateDirectory(Contract);
        File.WriteAllText(Baseline("v1.json"), "[]");
        var output = new StringWriter();

        ContractGate.Run(Contract, [Current("v1.json")], accept: false, output).Should().Be(1);

        output.ToString().Should().StartWith($"{Baseline("v1.json")}: error HYB102: the contract baseline is not an OpenAPI document");
    }

    [Fact]
    public void Accepting_replaces_an_unreadable_baseline()
    {
        File.WriteAllText(Current("v1.json"), MiniApi.Json);
        Directory.CreateDirectory(Contract);
        File.WriteAllText(Baseline("v1.json"), "not json");

        ContractGate.Run(Contract, [Current("v1.json")], accept: true, TextWriter.Null).Should().Be(0);

        File.ReadAllText(Baseline("v1.json")).Should().Be(MiniApi.Json);
    }
}
