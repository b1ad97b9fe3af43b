namespace Hybrid.Http.Tests;

/// <summary>A clock the test moves; the door reads webhook timestamps and idempotency expiry from it.</summary>
public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}
