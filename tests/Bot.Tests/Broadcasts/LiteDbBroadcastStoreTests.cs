using Bot.Broadcasts.Outbox;
using Bot.Broadcasts.Schedule;
using Bot.Storage;
using Bot.Tests.Storage;

namespace Bot.Tests.Broadcasts;

public sealed class LiteDbBroadcastStoreTests : BroadcastStoreContract, IDisposable
{
    private readonly TestDatabase _db = new(collections: BroadcastCollections.All);

    public LiteDbBroadcastStoreTests()
    {
        Store = new LiteDbBroadcastStore(_db.Database, _db.Writer, Time);
        Schedule = new LiteDbKickoffScheduleStore(_db.Database, _db.Writer);
    }

    protected override IBroadcastStore Store { get; }
    protected override IKickoffScheduleStore Schedule { get; }

    public void Dispose() => _db.Dispose();
}

/// <summary>The collections as AddBroadcasts declares them.</summary>
internal static class BroadcastCollections
{
    public static StoreCollection[] All =>
    [
        new(LiteDbBroadcastStore.Broadcasts, null),
        new(LiteDbBroadcastStore.Rows, null),
        new(LiteDbKickoffScheduleStore.Collection, LiteDbKickoffScheduleStore.Indexes),
    ];
}
