using Microsoft.Data.Sqlite;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// The sample started against a blog.db written by its version before SavePost: posts without
/// summary, status or date, and users with one role in a <c>users.role</c> column.
/// </summary>
public sealed class LegacyDatabaseBlogServer : BlogServer
{
    public LegacyDatabaseBlogServer()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var schema = connection.CreateCommand();
        schema.CommandText = """
            CREATE TABLE posts (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, body TEXT NOT NULL);
            CREATE TABLE comments (id INTEGER PRIMARY KEY AUTOINCREMENT, post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE, author TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL);
            CREATE TABLE post_tags (post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE, tag TEXT NOT NULL COLLATE NOCASE, PRIMARY KEY (post_id, tag));
            CREATE TABLE attachments (id INTEGER PRIMARY KEY AUTOINCREMENT, post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE, file_name TEXT NOT NULL, content_type TEXT NOT NULL, data BLOB NOT NULL, created_at TEXT NOT NULL);
            CREATE TABLE users (name TEXT PRIMARY KEY COLLATE NOCASE, password_hash TEXT NOT NULL, role TEXT);
            INSERT INTO posts (title, body) VALUES ('An old post', 'Written before sections.'), ('Another old post', 'To be rewritten.');
            INSERT INTO post_tags (post_id, tag) VALUES (1, 'old');
            INSERT INTO users (name, password_hash, role) VALUES ('ada', $hash, 'moderator'), ('grace', $hash, NULL);
            """;
        schema.Parameters.AddWithValue("$hash", Blog.Account.BlogUsers.Hash(BlogAccounts.Password));
        schema.ExecuteNonQuery();
    }
}

[CollectionDefinition(Name)]
public sealed class LegacyDatabaseBlogCollection : ICollectionFixture<LegacyDatabaseBlogServer>
{
    public const string Name = "blog on a legacy database";
}
