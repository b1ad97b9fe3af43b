using Microsoft.Data.Sqlite;

namespace Hybrid.Soak;

/// <summary>The Blog's SQLite file against the ledger: how many times each marker was stored.</summary>
internal sealed record Verification(int Accepted, int AcceptedStoredOnce, int Lost, int Duplicated, int DuplicatedAfterDroppedResponse, int Aborted, int AbortedStored, int Unconfirmed, int UnconfirmedStored, IReadOnlyList<string> Examples)
{
    public static Verification Check(string databasePath, Ledger ledger)
    {
        var stored = new Dictionary<string, int>(StringComparer.Ordinal);
        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using (var connection = new SqliteConnection(builder.ToString()))
        {
            connection.Open();

            // A comment's body and a post's title both start with the marker; a comment's body has text after it.
            foreach (var sql in (string[])["SELECT body FROM comments WHERE body LIKE $prefix || '%';", "SELECT title FROM posts WHERE title LIKE $prefix || '%';"])
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.Parameters.AddWithValue("$prefix", ledger.Prefix);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var marker = reader.GetString(0).Split(' ', 2)[0];
                    stored[marker] = stored.GetValueOrDefault(marker) + 1;
                }
            }
        }

        int accepted = 0, once = 0, lost = 0, aborted = 0, abortedStored = 0, unconfirmed = 0, unconfirmedStored = 0;
        var examples = new List<string>();
        foreach (var (marker, fate) in ledger.Writes)
        {
            var count = stored.GetValueOrDefault(marker);
            switch (fate)
            {
                case WriteFate.Accepted:
                    accepted++;
                    once += count == 1 ? 1 : 0;
                    if (count == 0)
                    {
                        lost++;
                        Example($"{marker} ({ledger.KindOf(marker)}) was accepted (2xx) but is not stored");
                    }

                    break;
                case WriteFate.Aborted:
                    aborted++;
                    if (count > 0)
                    {
                        abortedStored++;
                        Example($"{marker} ({ledger.KindOf(marker)}) was cut off mid-body but is stored {count} time(s)");
                    }

                    break;
                default:
                    unconfirmed++;
                    unconfirmedStored += count > 0 ? 1 : 0;
                    break;
            }
        }

        int duplicated = 0, afterDrop = 0;
        foreach (var (marker, count) in stored.Where(s => s.Value > 1))
        {
            duplicated++;
            afterDrop += ledger.KindOf(marker) == Workload.LostResponse ? 1 : 0;
            Example($"{marker} ({ledger.KindOf(marker)}, {ledger.Writes.GetValueOrDefault(marker)}) is stored {count} times");
        }

        foreach (var marker in stored.Keys.Where(m => !ledger.Writes.ContainsKey(m)))
        {
            Example($"{marker} is stored but the driver never sent it");
        }

        return new Verification(accepted, once, lost, duplicated, afterDrop, aborted, abortedStored, unconfirmed, unconfirmedStored, examples);

        void Example(string what)
        {
            if (examples.Count < 20)
            {
                examples.Add(what);
            }
        }
    }
}
