using System.Security.Cryptography;

namespace Hybrid.EndToEnd.Tests;

/// <summary>One redis-server and two instances of the sample, A and B, sharing it and one database.</summary>
public sealed class ScaleOutCluster : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hybrid-scale-out-").FullName;

    public ScaleOutCluster()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var database = Path.Combine(_folder, "blog.db");
        A = new ScaleOutBlogServer(Redis.ConnectionString, database, key);
        B = new ScaleOutBlogServer(Redis.ConnectionString, database, key);
    }

    public RedisServer Redis { get; } = new();

    public ScaleOutBlogServer A { get; }

    public ScaleOutBlogServer B { get; }

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();

        // One after the other: the first creates and seeds the database and the key ring, the second finds them.
        await A.InitializeAsync();
        await B.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Redis.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp folder is the OS's to clean.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ScaleOutCollection : ICollectionFixture<ScaleOutCluster>
{
    public const string Name = "two blogs on one redis";
}
