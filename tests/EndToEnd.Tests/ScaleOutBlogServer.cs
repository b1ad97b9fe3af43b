namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// One of several instances of the sample behind an imagined balancer: shared Redis, shared SQLite
/// file, antiforgery tokens on and opaque action ids from a shared key.
/// </summary>
public sealed class ScaleOutBlogServer(string redis, string databasePath, string actionIdKey) : BlogServer
{
    public override string DatabasePath => databasePath;

    protected override IEnumerable<string> ExtraArguments =>
        ["--ConnectionStrings:Redis=" + redis, "--Blog:AntiforgeryTokens=true", "--Blog:ActionIdKey=" + actionIdKey];
}
