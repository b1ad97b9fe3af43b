namespace Hybrid.Soak;

/// <summary>The sizes of the SQLite file and its write-ahead log, which a long run watches for growth.</summary>
internal static class DatabaseFiles
{
    /// <summary>The database file's size in MiB, 0 when it does not exist.</summary>
    public static double DatabaseMb(string databasePath) => SizeMb(databasePath);

    /// <summary>The write-ahead log's size in MiB, 0 when it does not exist.</summary>
    public static double LogMb(string databasePath) => SizeMb(databasePath + "-wal");

    private static double SizeMb(string path)
    {
        try
        {
            var file = new FileInfo(path);
            return file.Exists ? file.Length / 1048576.0 : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
