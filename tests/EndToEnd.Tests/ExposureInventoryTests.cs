namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The gate on who may call what: the Blog's exposure inventory, made by the Blog itself (its
/// <c>exposure</c> command, the one eng/accept-exposure.sh runs), must be the committed
/// samples/Blog/exposure.md. A new operation, route or policy change fails here until it is accepted.
/// </summary>
public sealed class ExposureInventoryTests
{
    private const string AcceptCommand = "bash eng/accept-exposure.sh";

    [Fact]
    public async Task The_Blogs_exposure_inventory_is_the_committed_one()
    {
        var current = Path.Combine(Path.GetTempPath(), $"hybrid-exposure-{Guid.NewGuid():N}.md");
        try
        {
            (await ProcessRunner.RunAsync(
                    "dotnet",
                    ["run", "--project", "samples/Blog", "--no-build", "-c", Repository.Configuration, "--", "exposure", current],
                    Repository.Root,
                    new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" }))
                .ShouldSucceed("the Blog's exposure command");

            var difference = HybridExposure.Compare(
                await File.ReadAllTextAsync(Path.Combine(Repository.BlogProject, "exposure.md")),
                await File.ReadAllTextAsync(current),
                AcceptCommand);

            if (difference is not null)
            {
                Assert.Fail(difference);
            }
        }
        finally
        {
            File.Delete(current);
        }
    }
}
