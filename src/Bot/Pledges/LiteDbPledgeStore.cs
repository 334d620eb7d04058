using Bot.Builder.State;
using Bot.Storage;
using LiteDB;

namespace Bot.Pledges;

/// <summary>
/// Pledges in LiteDB. Writes go through the <see cref="StorageWriter"/> and are awaited, so the bot says "registered"
/// only once the record is on disk; the unique-slot and version checks run on the writer right before the write.
/// Queries use plain field queries: translating LINQ lambdas cost LiteDB more than the lookup itself.
/// </summary>
public sealed class LiteDbPledgeStore(LiteDatabase db, StorageWriter writer) : IPledgeStore
{
    public const string Collection = "pledges";
    private readonly ILiteCollection<Pledge> _pledges = db.GetCollection<Pledge>(Collection);

    /// <summary>The indexes the queries need, created when the database opens.</summary>
    public static void Indexes(ILiteCollection<BsonDocument> c)
    {
        c.EnsureIndex(nameof(Pledge.Slot), "$.Slot", unique: true);
        c.EnsureIndex(nameof(Pledge.Member), "$.Member");
        c.EnsureIndex(nameof(Pledge.PlanId), "$.PlanId");
    }

    public Task<Pledge?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        Task.FromResult<Pledge?>(_pledges.FindById(id));

    public Task<Pledge?> FindAsync(string channel, string userId, string planId, CancellationToken cancellationToken = default) =>
        Task.FromResult<Pledge?>(_pledges.FindOne(LiteQuery.Equal(nameof(Pledge.Slot), Pledge.SlotOf(channel, userId, planId))));

    public Task<IReadOnlyList<Pledge>> ForMemberAsync(string channel, string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Pledge>>([.. _pledges.Find(LiteQuery.Equal(nameof(Pledge.Member), Pledge.MemberOf(channel, userId))).OrderByDescending(p => p.UpdatedAt)]);

    public Task<IReadOnlyList<Pledge>> AllAsync(string? planId = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Pledge>>([.. (planId is null ? _pledges.FindAll() : _pledges.Find(LiteQuery.Equal(nameof(Pledge.PlanId), planId))).OrderBy(p => p.CreatedAt)]);

    // A full scan: it runs once a day, and dates are stored as ISO strings that do not sort across offsets.
    public Task<IReadOnlyList<Pledge>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Pledge>>([.. _pledges.FindAll().Where(p => p.UpdatedAt > since).OrderBy(p => p.UpdatedAt)]);

    public async Task<Pledge> InsertAsync(Pledge pledge, CancellationToken cancellationToken = default)
    {
        pledge.Slot = Pledge.SlotOf(pledge.Channel, pledge.UserId, pledge.PlanId);
        pledge.Member = Pledge.MemberOf(pledge.Channel, pledge.UserId);
        var slot = pledge.Slot;
        await UnitOfWork.CommitNowAsync(writer, new LiteWrite("insert pledge",
            d =>
            {
                pledge.Version = 1;
                d.GetCollection<Pledge>(Collection).Insert(pledge);
            },
            d => d.GetCollection(Collection).Exists(LiteQuery.Equal(nameof(Pledge.Slot), slot)) ? new DuplicatePledgeException() : null),
            cancellationToken);
        return pledge;
    }

    public async Task<bool> TryUpdateAsync(Pledge pledge, CancellationToken cancellationToken = default)
    {
        var expected = pledge.Version;
        pledge.Slot = Pledge.SlotOf(pledge.Channel, pledge.UserId, pledge.PlanId);
        pledge.Member = Pledge.MemberOf(pledge.Channel, pledge.UserId);
        var id = pledge.Id;
        try
        {
            await UnitOfWork.CommitNowAsync(writer, new LiteWrite($"update pledge {id}",
                d =>
                {
                    pledge.Version = expected + 1;
                    d.GetCollection<Pledge>(Collection).Update(pledge);
                },
                d => StoredVersion(d, id) == expected ? null : new PledgeChangedException()),
                cancellationToken);
            return true;
        }
        catch (PledgeChangedException)
        {
            return false;
        }
    }

    public async Task<int> DeleteMemberAsync(string channel, string userId, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        var member = Pledge.MemberOf(channel, userId);
        await UnitOfWork.CommitNowAsync(writer, new LiteWrite("delete member's pledges",
            d => deleted = d.GetCollection(Collection).DeleteMany(LiteQuery.Equal(nameof(Pledge.Member), member))), cancellationToken);
        return deleted;
    }

    /// <summary>The stored version; null when the pledge is gone. Pledges stored before versions existed count as version 0.</summary>
    private static long? StoredVersion(LiteDatabase d, int id) =>
        d.GetCollection(Collection).FindById(id) is { } doc ? doc.TryGetValue(nameof(Pledge.Version), out var v) && !v.IsNull ? v.AsInt64 : 0 : null;

    private sealed class PledgeChangedException() : Exception("The pledge was changed or deleted meanwhile.");
}
