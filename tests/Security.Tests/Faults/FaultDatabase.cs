using Microsoft.Data.Sqlite;

namespace Hybrid.Security.Tests.Faults;

/// <summary>A SQLite file in its own temp folder, in WAL mode as a production app keeps it; deleted on dispose.</summary>
public sealed class FaultDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hybrid-faults-").FullName;

    public FaultDatabase()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE writes (marker TEXT NOT NULL);";
        command.ExecuteNonQuery();
    }

    private string Path => System.IO.Path.Combine(_folder, "faults.db");

    public SqliteConnection Open(int busyTimeoutSeconds = 30)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, DefaultTimeout = busyTimeoutSeconds, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, string marker)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO writes (marker) VALUES ($marker)";
        command.Parameters.AddWithValue("$marker", marker);
        command.ExecuteNonQuery();
    }

    /// <summary>How many rows carry <paramref name="marker"/>, read on a fresh connection.</summary>
    public long Count(string marker)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM writes WHERE marker = $marker";
        command.Parameters.AddWithValue("$marker", marker);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Holds SQLite's write lock until disposed, as another process busy writing would.</summary>
    public IDisposable Lock()
    {
        var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE;";
        command.ExecuteNonQuery();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
