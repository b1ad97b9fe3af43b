namespace Hybrid.EndToEnd.Tests;

/// <summary>The sample with antiforgery tokens on top of the origin check (<c>--Blog:AntiforgeryTokens=true</c>).</summary>
public sealed class TokenModeBlogServer : BlogServer
{
    protected override IEnumerable<string> ExtraArguments => ["--Blog:AntiforgeryTokens=true"];
}

[CollectionDefinition(Name)]
public sealed class TokenModeBlogCollection : ICollectionFixture<TokenModeBlogServer>
{
    public const string Name = "blog with tokens";
}
