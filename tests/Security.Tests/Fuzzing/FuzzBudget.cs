namespace Hybrid.Security.Tests.Fuzzing;

/// <summary>
/// The time each property samples for, and the seed to replay. CI keeps the whole set under a
/// minute; HYBRID_FUZZ_SECONDS=600 digs longer, HYBRID_FUZZ_SEED replays what a failure printed.
/// </summary>
internal static class FuzzBudget
{
    /// <summary>Seconds per property: 9 properties at 5 s stay under 60 s on two cores.</summary>
    public static int Seconds =>
        int.TryParse(Environment.GetEnvironmentVariable("HYBRID_FUZZ_SECONDS"), out var s) && s > 0 ? s : 5;

    public static string? Seed => Environment.GetEnvironmentVariable("HYBRID_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;

    /// <summary>One thread: the ledger's before/after count would race with a second sample in flight.</summary>
    public const int Threads = 1;
}
