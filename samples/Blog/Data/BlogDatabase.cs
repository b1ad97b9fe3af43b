using Blog.Account;
using Microsoft.Data.Sqlite;

namespace Blog.Data;

/// <summary>
/// The blog's SQLite file: created and seeded on first use, one connection per operation. Every
/// start brings an older file up to date in place (missing tables and columns added, roles moved
/// to their own table), so a blog.db from an earlier version of the sample keeps working.
/// </summary>
public sealed class BlogDatabase
{
    private readonly string _connectionString;

    public BlogDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        // Pooled: a request opens and closes a connection per operation, pooling makes that cheap.
        // Default Timeout: how long Microsoft.Data.Sqlite retries a locked database (its default is 30 s);
        // a request should rather fail after 5 s than hold its thread for half a minute.
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 5 }.ToString();
        Initialize();
    }

    public string Path { get; }

    /// <summary>The file <c>Blog:Database</c> names (default <c>App_Data/blog.db</c>), relative to the content root.</summary>
    public static string PathFrom(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = configuration["Blog:Database"] ?? "App_Data/blog.db";
        return System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(environment.ContentRootPath, path);
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // Per connection, as production runs SQLite: synchronous = NORMAL is durable in WAL mode except
        // for the last commits before a power loss (no fsync per commit: writes are several times
        // faster, docs/reliability.md); busy_timeout lets SQLite itself wait up to 5 s for another
        // writer's lock, with short sleeps, before Microsoft.Data.Sqlite's coarser retry loop;
        // journal_size_limit shrinks the WAL file back to 64 MiB whenever a checkpoint resets it.
        pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA journal_size_limit = 67108864;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private void Initialize()
    {
        using var connection = Open();
        using var schema = connection.CreateCommand();
        schema.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS posts (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                title TEXT NOT NULL,
                body TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS comments (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
                author TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS post_tags (
                post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
                tag TEXT NOT NULL COLLATE NOCASE,
                PRIMARY KEY (post_id, tag)
            );
            CREATE TABLE IF NOT EXISTS attachments (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
                file_name TEXT NOT NULL,
                content_type TEXT NOT NULL,
                data BLOB NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS post_sections (
                post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                heading TEXT NOT NULL,
                body TEXT NOT NULL,
                PRIMARY KEY (post_id, position)
            );
            CREATE TABLE IF NOT EXISTS post_covers (
                post_id INTEGER PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
                file_name TEXT NOT NULL,
                content_type TEXT NOT NULL,
                data BLOB NOT NULL
            );
            CREATE TABLE IF NOT EXISTS users (
                name TEXT PRIMARY KEY COLLATE NOCASE,
                password_hash TEXT NOT NULL
            );
            -- A post's page reads its comments and attachments by post: without these, every read and
            -- every cascading delete scans the whole table (the soak's post reads slowed tenfold).
            CREATE INDEX IF NOT EXISTS comments_by_post ON comments (post_id, id);
            CREATE INDEX IF NOT EXISTS attachments_by_post ON attachments (post_id, id);
            """;
        schema.ExecuteNonQuery();

        // Posts written before SavePost get these columns with their defaults: published, dated 2026-01-01, no summary.
        AddColumnIfMissing(connection, "posts", "summary", "TEXT");
        AddColumnIfMissing(connection, "posts", "status", "TEXT NOT NULL DEFAULT 'Published'");
        AddColumnIfMissing(connection, "posts", "publish_on", "TEXT NOT NULL DEFAULT '2026-01-01'");
        CreateUserRoles(connection);
        SeedUsers(connection);

        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM posts;";
        if (Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            return;
        }

        using var seed = connection.CreateCommand();
        seed.CommandText = """
            INSERT INTO posts (title, body, summary, status, publish_on) VALUES
              ('Hello, Hybrid',
               'This page posts comments through an action: a plain form that works without JavaScript, enhanced when the script runs.' || char(10) || char(10) ||
               'The mobile app reaches the same handler through a versioned REST route, with the same validation and the same errors.',
               'One handler, two doors: the page and the mobile app call the same code.', 'Published', '2026-11-02'),
              ('Started simple',
               'Every handler begins as an action, called by the app''s own pages.' || char(10) || char(10) ||
               'Declaring a route opens it on the REST door without touching the handler; the contract gate keeps the route stable from then on.',
               'Start with actions; open a REST route when a second client arrives.', 'Published', '2026-11-20');
            INSERT INTO post_sections (post_id, position, heading, body) VALUES
              (1, 0, 'The page', 'This page posts comments through an action: a plain form that works without JavaScript, enhanced when the script runs.'),
              (1, 1, 'The mobile app', 'The mobile app reaches the same handler through a versioned REST route, with the same validation and the same errors.'),
              (2, 0, 'Actions first', 'Every handler begins as an action, called by the app''s own pages.'),
              (2, 1, 'Then a route', 'Declaring a route opens it on the REST door without touching the handler; the contract gate keeps the route stable from then on.');
            INSERT INTO post_tags (post_id, tag) VALUES
              (1, 'hybrid'), (1, 'intro'),
              (2, 'hybrid'), (2, 'rest');
            INSERT INTO comments (post_id, author, body, created_at) VALUES
              (1, 'Ada', 'First!', '2026-01-01T10:00:00.0000000+00:00');
            """;
        seed.ExecuteNonQuery();
    }

    /// <summary>
    /// The development users, both with the password <c>hybrid-sample</c>: ada (moderator and
    /// editor) and grace (no role). Seeded apart from the posts so a database from before sign-in
    /// gets them too.
    /// </summary>
    private static void SeedUsers(SqliteConnection connection)
    {
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM users;";
        if (Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            return;
        }

        foreach (var (name, roles) in new[] { ("ada", new[] { BlogUsers.Moderator, BlogUsers.Editor }), ("grace", []) })
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO users (name, password_hash) VALUES ($name, $hash);";
            insert.Parameters.AddWithValue("$name", name);
            insert.Parameters.AddWithValue("$hash", BlogUsers.Hash("hybrid-sample"));
            insert.ExecuteNonQuery();
            foreach (var role in roles)
            {
                using var grant = connection.CreateCommand();
                grant.CommandText = "INSERT INTO user_roles (user_name, role) VALUES ($name, $role);";
                grant.Parameters.AddWithValue("$name", name);
                grant.Parameters.AddWithValue("$role", role);
                grant.ExecuteNonQuery();
            }
        }
    }

    /// <summary>
    /// The <c>user_roles</c> table, once. A file from when a user had one role (a <c>users.role</c>
    /// column) keeps it, and its seeded ada, the sample's moderator, becomes an editor too, as a
    /// fresh file seeds her.
    /// </summary>
    private static void CreateUserRoles(SqliteConnection connection)
    {
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'user_roles';";
        if (exists.ExecuteScalar() is not null)
        {
            return;
        }

        using var migrate = connection.CreateCommand();
        migrate.CommandText = """
            CREATE TABLE user_roles (
                user_name TEXT NOT NULL COLLATE NOCASE REFERENCES users(name) ON DELETE CASCADE,
                role TEXT NOT NULL,
                PRIMARY KEY (user_name, role)
            );
            """ + (HasColumn(connection, "users", "role")
                ? "INSERT OR IGNORE INTO user_roles (user_name, role) SELECT name, role FROM users WHERE role IS NOT NULL;"
                + $"INSERT OR IGNORE INTO user_roles (user_name, role) SELECT name, '{BlogUsers.Editor}' FROM users WHERE name = 'ada';"
                : string.Empty);
        migrate.ExecuteNonQuery();
    }

    private static void AddColumnIfMissing(SqliteConnection connection, string table, string column, string definition)
    {
        if (HasColumn(connection, table, column))
        {
            return;
        }

        using var alter = connection.CreateCommand();
        alter.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition};";
        alter.ExecuteNonQuery();
    }

    private static bool HasColumn(SqliteConnection connection, string table, string column)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM pragma_table_info($table) WHERE name = $column;";
        command.Parameters.AddWithValue("$table", table);
        command.Parameters.AddWithValue("$column", column);
        return command.ExecuteScalar() is not null;
    }
}
