using Blog.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hybrid.EndToEnd.Tests;

/// <summary>The sample's SQLite file as the soak runs it: reads by post use an index, and the write-ahead log is emptied while readers come and go.</summary>
public sealed class BlogDatabaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hybrid-blogdb-").FullName;

    [Theory]
    [InlineData("SELECT id, author, body, created_at FROM comments WHERE post_id = 1 ORDER BY id;", "comments_by_post")]
    [InlineData("SELECT id, author, body, created_at FROM comments WHERE post_id = 1 ORDER BY id LIMIT 10 OFFSET 10;", "comments_by_post")]
    [InlineData("SELECT id, post_id, file_name, content_type, length(data) FROM attachments WHERE post_id = 1 ORDER BY id;", "attachments_by_post")]
    public void A_posts_comments_and_attachments_are_found_through_an_index(string query, string index)
    {
        var database = new BlogDatabase(Path.Combine(_folder, "blog.db"));

        PlanOf(database, query).Should().Contain($"USING INDEX {index} (post_id=?)").And.NotContain("SCAN");
    }

    [Fact]
    public void A_file_from_before_the_indexes_gets_them_at_start()
    {
        var path = Path.Combine(_folder, "blog.db");
        using (var connection = new BlogDatabase(path).Open())
        using (var drop = connection.CreateCommand())
        {
            drop.CommandText = "DROP INDEX comments_by_post; DROP INDEX attachments_by_post;";
            drop.ExecuteNonQuery();
        }

        var reopened = new BlogDatabase(path);

        PlanOf(reopened, "SELECT id FROM comments WHERE post_id = 2 ORDER BY id;").Should().Contain("comments_by_post");
    }

    [Fact]
    public async Task A_checkpoint_empties_the_write_ahead_log_while_readers_keep_reading()
    {
        var database = new BlogDatabase(Path.Combine(_folder, "blog.db"));
        using (var connection = database.Open())
        {
            for (var i = 0; i < 500; i++)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO comments (post_id, author, body, created_at) VALUES (1, 'Ada', $body, '2026-12-03T00:00:00Z');";
                insert.Parameters.AddWithValue("$body", new string('x', 400));
                insert.ExecuteNonQuery();
            }
        }

        var wal = new FileInfo(database.Path + "-wal");
        wal.Length.Should().BeGreaterThan(0);
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() => ReadUntil(database, stop.Token))).ToArray();

        var (busy, pages) = new WalCheckpoints(database, TimeProvider.System, NullLogger<WalCheckpoints>.Instance).Checkpoint();
        await stop.CancelAsync();
        var reads = await Task.WhenAll(readers);

        busy.Should().BeFalse();
        pages.Should().Be(0, "TRUNCATE leaves an empty log");
        wal.Refresh();
        wal.Length.Should().Be(0);
        reads.Should().OnlyContain(r => r > 0);
        using var count = database.Open().CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM comments WHERE post_id = 1;";
        Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(501, "the seeded comment and the 500 written");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static int ReadUntil(BlogDatabase database, CancellationToken stop)
    {
        var reads = 0;
        do
        {
            using var connection = database.Open();
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT COUNT(*) FROM comments WHERE post_id = 1;";
            read.ExecuteScalar();
            reads++;
        }
        while (!stop.IsCancellationRequested);
        return reads;
    }

    private static string PlanOf(BlogDatabase database, string query)
    {
        using var connection = database.Open();
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + query;
        using var reader = explain.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join(" | ", plan);
    }
}
