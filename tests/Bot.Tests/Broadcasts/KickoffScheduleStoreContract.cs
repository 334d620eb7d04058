using Bot.Broadcasts.Schedule;
using Bot.Tests.Storage;

namespace Bot.Tests.Broadcasts;

/// <summary>One contract, run against every IKickoffScheduleStore. Claims are covered with the broadcast they fire (BroadcastStoreContract).</summary>
public abstract class KickoffScheduleStoreContract
{
    private static readonly DateTimeOffset July1 = new(2021, 7, 1, 1, 0, 0, TimeSpan.Zero);

    protected abstract IKickoffScheduleStore Store { get; }

    [Fact]
    public async Task APhaseIsAddedOnceAndAddingItAgainIsRefused()
    {
        Assert.True(await Store.TryAddAsync(Row("tld-2021/dot-2", July1)));
        Assert.False(await Store.TryAddAsync(Row("tld-2021/dot-2", July1.AddDays(1))));

        var row = Assert.Single(await Store.AllAsync());
        Assert.Equal(July1, row.RunAt);
        Assert.Equal("tld-2021/dot-2", (await Store.FindAsync(row.Id))!.Key);
    }

    [Fact]
    public async Task TheScheduleIsListedByTimeThenKey()
    {
        await Store.TryAddAsync(Row("b/dot-2", July1));
        await Store.TryAddAsync(Row("a/dot-3", July1.AddDays(30)));
        await Store.TryAddAsync(Row("a/dot-2", July1));

        Assert.Equal(["a/dot-2", "b/dot-2", "a/dot-3"], (await Store.AllAsync()).Select(r => r.Key));
    }

    [Fact]
    public async Task AKickoffMovesOnlyFromTheListedStatesAndRecordsWhoMovedIt()
    {
        var id = await AddAsync(ScheduleState.Scheduled);

        Assert.True(await Store.TransitionAsync(id, ScheduleState.Paused, "test:officer", [ScheduleState.Scheduled]));
        Assert.False(await Store.TransitionAsync(id, ScheduleState.Missed, "schedule", [ScheduleState.Scheduled]));
        Assert.True(await Store.TransitionAsync(id, ScheduleState.Cancelled, "test:other", [ScheduleState.Scheduled, ScheduleState.Paused]));
        Assert.False(await Store.TransitionAsync(id, ScheduleState.Scheduled, "test:officer", [ScheduleState.Paused]));

        var row = (await Store.FindAsync(id))!;
        Assert.Equal((ScheduleState.Cancelled, "test:other"), (row.State, row.ChangedBy));
    }

    [Fact]
    public async Task AnUnknownKickoffCannotMove() =>
        Assert.False(await Store.TransitionAsync(42, ScheduleState.Paused, "test:officer", [ScheduleState.Scheduled]));

    [Theory]
    [InlineData(ScheduleState.Scheduled, true)]
    [InlineData(ScheduleState.Paused, true)]
    [InlineData(ScheduleState.Fired, false)]
    [InlineData(ScheduleState.Missed, false)]
    public async Task OnlyAKickoffThatHasNotHappenedFollowsANewTime(ScheduleState state, bool moves)
    {
        var id = await AddAsync(state);

        Assert.Equal(moves, await Store.RescheduleAsync(id, July1.AddDays(2)));
        Assert.Equal(moves ? July1.AddDays(2) : July1, (await Store.FindAsync(id))!.RunAt);
    }

    [Fact]
    public async Task MissedKickoffsStayUnreportedUntilMarked()
    {
        var missed = await AddAsync(ScheduleState.Missed, "a/dot-2");
        await AddAsync(ScheduleState.Scheduled, "b/dot-2");
        await Store.TryAddAsync(Row("c/dot-1", July1, ScheduleState.Expired, reported: true));

        Assert.Equal([missed], (await Store.UnreportedAsync()).Select(r => r.Id));
        await Store.MarkReportedAsync([missed]);

        Assert.Empty(await Store.UnreportedAsync());
        Assert.True((await Store.FindAsync(missed))!.Reported);
    }

    private async Task<int> AddAsync(ScheduleState state, string key = "tld-2021/dot-2")
    {
        Assert.True(await Store.TryAddAsync(Row(key, July1, state)));
        return (await Store.AllAsync()).Single(r => r.Key == key).Id;
    }

    private static ScheduledKickoff Row(string key, DateTimeOffset runAt, ScheduleState state = ScheduleState.Scheduled, bool reported = false) =>
        new() { Key = key, PlanId = key.Split('/')[0], PhaseId = key.Split('/')[1], RunAt = runAt, State = state, Reported = reported };
}

public sealed class LiteDbKickoffScheduleStoreTests : KickoffScheduleStoreContract, IDisposable
{
    private readonly TestDatabase _db = new(collections: BroadcastCollections.All);

    public LiteDbKickoffScheduleStoreTests() => Store = new LiteDbKickoffScheduleStore(_db.Database, _db.Writer);

    protected override IKickoffScheduleStore Store { get; }

    public void Dispose() => _db.Dispose();
}
