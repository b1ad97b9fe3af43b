using Microsoft.Data.Sqlite;

namespace Blog.Data;

/// <summary>
/// Starts the database's write-ahead log over every 30 seconds. SQLite's automatic checkpoint is
/// passive: under reads that always overlap it copies pages back but never finds the moment when no
/// reader uses the log, so the file only grows (a soak left 285 MB after four minutes, and every
/// read slowed with it). A TRUNCATE checkpoint waits briefly for the readers of older snapshots,
/// then empties the file.
/// </summary>
public sealed partial class WalCheckpoints(BlogDatabase database, TimeProvider time, ILogger<WalCheckpoints> logger) : BackgroundService
{
    /// <summary>How often the log is checkpointed.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>Checkpoints once, now.</summary>
    /// <returns>Whether readers or a writer kept the log from being emptied, and how many pages it held.</returns>
    public (bool Busy, long LogPages) Checkpoint()
    {
        using var connection = database.Open();
        using (var wait = connection.CreateCommand())
        {
            // A writer waits for the checkpoint at most this long; a busy checkpoint is tried again at
            // the next interval. The next Open of this pooled connection sets the usual 5 s again.
            wait.CommandText = "PRAGMA busy_timeout = 250;";
            wait.ExecuteNonQuery();
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0) != 0, reader.GetInt64(1));
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var (busy, pages) = Checkpoint();
                    Log.Checkpointed(logger, pages, busy);
                }
                catch (SqliteException ex)
                {
                    // Never stop the app for a checkpoint: the log is only larger until the next one.
                    Log.CheckpointFailed(logger, ex.SqliteErrorCode, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Checkpointed the write-ahead log: {Pages} pages, busy: {Busy}.")]
        public static partial void Checkpointed(ILogger logger, long pages, bool busy);

        [LoggerMessage(2, LogLevel.Warning, "Checkpointing the write-ahead log failed with SQLite error {Code}; trying again at the next interval.")]
        public static partial void CheckpointFailed(ILogger logger, int code, Exception exception);
    }
}
