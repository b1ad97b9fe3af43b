namespace Hybrid.Core.Tests;

/// <summary>The one start-up line for operations that state no authorization policy (event id 41).</summary>
public class UnprotectedSummaryTests
{
    [Fact]
    public void Up_to_ten_operations_are_each_named_with_their_endpoints()
    {
        var summary = HybridStartupCheck.Summary([("App.A", "action A"), ("App.B", "action B, rest POST v1/b")]);

        summary.Should().Be("App.A (action A); App.B (action B, rest POST v1/b)");
    }

    [Fact]
    public void Past_ten_the_first_ten_are_named_and_the_rest_counted()
    {
        var unprotected = Enumerable.Range(0, 1000).Select(i => ($"App.Op{i:0000}", $"action Op{i:0000}")).ToList();

        var summary = HybridStartupCheck.Summary(unprotected);

        summary.Should().StartWith("App.Op0000 (action Op0000); App.Op0001 (action Op0001);")
            .And.Contain("App.Op0009 (action Op0009); and 990 more (the exposure inventory lists each)")
            .And.NotContain("Op0010");
        summary.Length.Should().BeLessThan(500, "a thousand operations still make one short line");
    }
}
