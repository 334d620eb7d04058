using Bot.Storage.PostgreSql;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Storage.PostgreSql;

/// <summary>The claim of stored updates among instances: a live owner keeps its rows, a dead one's go to exactly one claimer.</summary>
public sealed class PgStrandedUpdatesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(TestBot.DefaultNow);
    private PgTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PgTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private (PgInstance Instance, PgReceivedUpdates Updates) Instance()
    {
        var instance = new PgInstance(_db.Database, _time);
        return (instance, new PgReceivedUpdates(_db.Database, _db.Committer, instance, _time));
    }

    private Task<long> OwnedByAsync(PgInstance instance) => _db.Database.CountAsync("SELECT count(*) FROM received WHERE owner = $1", instance.Id);

    [Fact]
    public async Task AnUpdateOfALiveInstanceIsNotClaimedAndOneWhoseHeartbeatStoppedIsClaimedAfter45Seconds()
    {
        if (_db.Off) return;
        var (dead, deadUpdates) = Instance();
        var (_, live) = Instance();
        var stored = await deadUpdates.AddAsync("telegram", ["a"]);

        Assert.Empty(await live.ClaimStrandedAsync(["telegram"], 10));
        _time.Advance(PgInstance.DeadAfter);
        Assert.Empty(await live.ClaimStrandedAsync(["telegram"], 10)); // 45 s old is late, not dead yet
        _time.Advance(TimeSpan.FromSeconds(1));

        var claimed = Assert.Single(await live.ClaimStrandedAsync(["telegram"], 10));
        Assert.Equal((stored[0], "telegram", "a"), (claimed.Id, claimed.Channel, claimed.Payload));
        Assert.Equal(0, await OwnedByAsync(dead));
    }

    [Fact]
    public async Task AnUpdateWithoutAnOwnerOrWhoseOwnerHasNoHeartbeatIsClaimedAtOnce()
    {
        if (_db.Off) return;
        var (left, leftUpdates) = Instance();
        await leftUpdates.AddAsync("zalo", ["left"]);
        await left.LeaveAsync(); // a clean stop
        await _db.Database.CountAsync("WITH r AS (INSERT INTO received (channel, payload, at) VALUES ('zalo', 'before owners', now()) RETURNING 1) SELECT count(*) FROM r");
        var (_, live) = Instance();

        Assert.Equal(["left", "before owners"], (await live.ClaimStrandedAsync(["zalo"], 10)).Select(u => u.Payload));
    }

    [Fact]
    public async Task AClaimedUpdateIsTheClaimersAndNoInstanceClaimsItsOwnUpdates()
    {
        if (_db.Off) return;
        var (_, deadUpdates) = Instance();
        var (first, firstUpdates) = Instance();
        var (_, second) = Instance();
        await deadUpdates.AddAsync("telegram", ["a"]);
        await firstUpdates.AddAsync("telegram", ["mine"]);
        _time.Advance(PgInstance.DeadAfter + TimeSpan.FromSeconds(1));
        await first.BeatAsync();

        Assert.Equal("a", Assert.Single(await firstUpdates.ClaimStrandedAsync(["telegram"], 10)).Payload);
        Assert.Equal(2, await OwnedByAsync(first));
        Assert.Empty(await second.ClaimStrandedAsync(["telegram"], 10));
        Assert.Empty(await firstUpdates.ClaimStrandedAsync(["telegram"], 10));
    }

    [Fact]
    public async Task OnlyTheAskedChannelsAreClaimedOldestFirstAndAtMostTheLimit()
    {
        if (_db.Off) return;
        var (dead, deadUpdates) = Instance();
        await deadUpdates.AddAsync("telegram", ["t1", "t2", "t3"]);
        await deadUpdates.AddAsync("zalo", ["z1"]);
        await dead.LeaveAsync();
        var (_, live) = Instance();

        Assert.Equal(["t1", "t2"], (await live.ClaimStrandedAsync(["telegram"], 2)).Select(u => u.Payload));
        Assert.Equal(["t3"], (await live.ClaimStrandedAsync(["telegram"], 2)).Select(u => u.Payload));
        Assert.Equal(1, await _db.Database.CountAsync("SELECT count(*) FROM received WHERE channel = 'zalo' AND owner = $1", dead.Id));
    }

    [Fact]
    public async Task TwoTakersClaimingAtOnceNeverClaimTheSameUpdate()
    {
        if (_db.Off) return;
        var (dead, deadUpdates) = Instance();
        var stored = await deadUpdates.AddAsync("telegram", [.. Enumerable.Range(1, 300).Select(i => $"u{i}")]);
        await dead.LeaveAsync();
        var (first, firstUpdates) = Instance();
        var (second, secondUpdates) = Instance();
        // Both alive before the race: a claimer is never taken for dead by the other.
        await first.BeatAsync();
        await second.BeatAsync();

        static async Task<List<long>> TakeAllAsync(PgReceivedUpdates updates)
        {
            var taken = new List<long>();
            IReadOnlyList<Bot.Builder.Pipeline.ReceivedUpdate> claimed;
            do
            {
                claimed = await updates.ClaimStrandedAsync(["telegram"], 7);
                taken.AddRange(claimed.Select(u => u.Id));
            }
            while (claimed.Count > 0);
            return taken;
        }
        var both = await Task.WhenAll(Task.Run(() => TakeAllAsync(firstUpdates)), Task.Run(() => TakeAllAsync(secondUpdates)));

        Assert.Empty(both[0].Intersect(both[1]));
        Assert.Equal(stored.Order(), both[0].Concat(both[1]).Order());
        Assert.Equal(both[0].Count, await OwnedByAsync(first));
        Assert.Equal(both[1].Count, await OwnedByAsync(second));
    }
}
