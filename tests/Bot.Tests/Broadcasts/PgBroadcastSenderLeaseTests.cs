using Bot.Storage.PostgreSql;
using Bot.Broadcasts.Outbox;
using Bot.Tests.Storage.PostgreSql;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Broadcasts;

/// <summary>One broadcast sender among instances: held by one, renewed by it, taken over when it expires or is given up.</summary>
public sealed class PgBroadcastSenderLeaseTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(TestBot.DefaultNow);
    private PgTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PgTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>One instance's lease: each has its own id.</summary>
    private PgBroadcastSenderLease Lease() => new(_db.Database, new PgInstance(_db.Database, _time), _time);

    [Fact]
    public async Task OneInstanceHoldsTheLeaseAndRenewsItWhileTheOtherWaits()
    {
        if (_db.Off) return;
        var (first, second) = (Lease(), Lease());

        Assert.True(await first.HoldAsync(default));
        Assert.False(await second.HoldAsync(default));
        _time.Advance(first.RenewEvery);
        Assert.True(await first.HoldAsync(default));
        _time.Advance(PgBroadcastSenderLease.Duration - TimeSpan.FromSeconds(1));
        Assert.False(await second.HoldAsync(default));
    }

    [Fact]
    public async Task ALeaseNotRenewedInTimeIsTakenOverAndTheOldHolderHasLostIt()
    {
        if (_db.Off) return;
        var (first, second) = (Lease(), Lease());
        Assert.True(await first.HoldAsync(default));

        _time.Advance(PgBroadcastSenderLease.Duration);

        Assert.True(await second.HoldAsync(default));
        Assert.False(await first.HoldAsync(default));
    }

    [Fact]
    public async Task ALeaseGivenUpIsTakenAtOnce()
    {
        if (_db.Off) return;
        var (first, second) = (Lease(), Lease());
        Assert.True(await first.HoldAsync(default));

        await first.ReleaseAsync(default);

        Assert.True(await second.HoldAsync(default));
    }
}
