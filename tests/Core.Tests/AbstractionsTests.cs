using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Hybrid.Core.Tests;

/// <summary>
/// Hybrid.Abstractions is what a domain project or a .NET MAUI app that shares request types references:
/// it must stay free of ASP.NET Core.
/// </summary>
public class AbstractionsTests
{
    private static readonly Assembly Abstractions = typeof(ActionAttribute).Assembly;

    private static readonly Type[] Moved =
    [
        typeof(ActionAttribute), typeof(RestRouteAttribute), typeof(RestGetAttribute), typeof(RestPostAttribute),
        typeof(RestPutAttribute), typeof(RestPatchAttribute), typeof(RestDeleteAttribute), typeof(ResourceVersionAttribute),
        typeof(IdempotentAttribute), typeof(StandardWebhookAttribute), typeof(RequiresAntiforgeryTokenAttribute),
        typeof(DoorAuthenticationAttribute), typeof(ProducesProblemAttribute), typeof(RevalidatesAttribute),
        typeof(ReadCacheAttribute), typeof(IRevalidation), typeof(MaxFilesAttribute), typeof(HybridFile),
        typeof(HybridProblemException), typeof(ConflictException), typeof(ForbiddenException), typeof(NotFoundException),
        typeof(PreconditionFailedException), typeof(RequestValidationException), typeof(TooManyRequestsException),
        typeof(UnauthorizedException), typeof(UnprocessableException), typeof(ProblemCodes), typeof(McpToolAttribute),
    ];

    [Fact]
    public void The_vocabulary_references_only_the_base_library_and_MediatR_Contracts()
    {
        Abstractions.GetName().Name.Should().Be("Hybrid.Abstractions");

        var references = Abstractions.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.Should().NotContain(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        references.Should().OnlyContain(n => n == "MediatR.Contracts" || n == "netstandard" || n.StartsWith("System", StringComparison.Ordinal));
    }

    [Fact]
    public void The_vocabulary_compiles_against_the_base_framework_only()
    {
        // An unused FrameworkReference leaves no assembly reference behind, yet its package would still demand
        // the ASP.NET Core shared framework of every app that installs it; restore's record of the project says.
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Abstractions", "obj", "project.assets.json")));

        var frameworks = assets.RootElement.GetProperty("project").GetProperty("frameworks").EnumerateObject().Single().Value;
        frameworks.GetProperty("frameworkReferences").EnumerateObject().Select(f => f.Name).Should().Equal("Microsoft.NETCore.App");
        assets.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name)
            .Should().NotContain(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_vocabulary_type_lives_in_the_vocabulary()
    {
        Moved.Should().OnlyContain(t => t.Assembly == Abstractions && t.Namespace == "Hybrid");
        typeof(HybridDoors).Assembly.Should().BeSameAs(Abstractions);
        typeof(IDoorDeclaration).Assembly.Should().BeSameAs(Abstractions);
    }

    [Fact]
    public void Door_authentication_picks_the_schemes_by_the_doors_own_names()
    {
        var declared = new DoorAuthenticationAttribute { Action = "Cookies", Rest = "Bearer" };

        declared.For(HybridDoors.Action).Should().Be("Cookies");
        declared.For(HybridDoors.Rest).Should().Be("Bearer");
        declared.For(HybridDoors.Mcp).Should().BeNull("a door this attribute names no schemes for keeps its own, never another door's");
        declared.For("fourth").Should().BeNull();
    }

    [Fact]
    public async Task A_file_reads_through_to_the_part_ASP_NET_Core_buffered()
    {
        var bytes = "hello"u8.ToArray();
        using var content = new MemoryStream(bytes);
        var part = new FormFile(content, 0, bytes.Length, "photo", "a.txt") { Headers = new HeaderDictionary(), ContentType = "text/plain" };

        var file = new HybridFile(new FormFileUpload(part));

        (file.FileName, file.ContentType, file.Length).Should().Be(("a.txt", "text/plain", 5L));
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        copy.ToArray().Should().Equal(bytes);
        using var read = file.OpenReadStream();
        new StreamReader(read).ReadToEnd().Should().Be("hello");
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hybrid.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Hybrid.sln above " + AppContext.BaseDirectory);
    }
}
