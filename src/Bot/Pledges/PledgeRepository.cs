using LiteDB;

namespace Bot.Pledges;

/// <summary>
/// The pledges in LiteDB. Every write is a single statement that is durable when it returns, so the bot
/// says "registered" only after the record is on disk. The unique Slot index keeps one pledge per member and plan.
/// </summary>
public sealed class PledgeRepository
{
    public const string Collection = "pledges";
    private readonly ILiteCollection<Pledge> _pledges;

    public PledgeRepository(LiteDatabase db)
    {
        _pledges = db.GetCollection<Pledge>(Collection);
        _pledges.EnsureIndex(p => p.Slot, unique: true);
        _pledges.EnsureIndex(p => p.Member);
        _pledges.EnsureIndex(p => p.PlanId);
    }

    public Pledge? Find(int id) => _pledges.FindById(id);

    public Pledge? Find(string channel, string userId, string planId) =>
        _pledges.FindOne(p => p.Slot == Pledge.SlotOf(channel, userId, planId));

    /// <summary>The member's pledges, newest first.</summary>
    public IReadOnlyList<Pledge> ForMember(string channel, string userId) =>
        [.. _pledges.Find(p => p.Member == Pledge.MemberOf(channel, userId)).OrderByDescending(p => p.UpdatedAt)];

    /// <summary>Pledges of one plan, or of all plans when <paramref name="planId"/> is null (officers' lists; a full scan).</summary>
    public IReadOnlyList<Pledge> All(string? planId = null) =>
        [.. (planId is null ? _pledges.FindAll() : _pledges.Find(p => p.PlanId == planId)).OrderBy(p => p.CreatedAt)];

    /// <summary>Inserts a new pledge or replaces the stored one with the same id.</summary>
    /// <exception cref="DuplicatePledgeException">The member already has a pledge for this plan (registered from another chat meanwhile).</exception>
    public Pledge Save(Pledge pledge)
    {
        pledge.Slot = Pledge.SlotOf(pledge.Channel, pledge.UserId, pledge.PlanId);
        pledge.Member = Pledge.MemberOf(pledge.Channel, pledge.UserId);
        try
        {
            if (pledge.Id == 0) _pledges.Insert(pledge);
            else if (!_pledges.Update(pledge)) throw new InvalidOperationException($"Pledge {pledge.Id} no longer exists.");
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            pledge.Id = 0;
            throw new DuplicatePledgeException(ex);
        }
        return pledge;
    }

    /// <summary>
    /// Pledges created, edited or withdrawn after <paramref name="since"/> (UpdatedAt), oldest first; for the officers'
    /// daily digest. A full scan: it runs once a day, and dates are stored as ISO strings that do not sort across offsets.
    /// </summary>
    public IReadOnlyList<Pledge> ChangedSince(DateTimeOffset since) =>
        [.. _pledges.FindAll().Where(p => p.UpdatedAt > since).OrderBy(p => p.UpdatedAt)];

    /// <summary>Deletes every pledge of the member; returns how many there were.</summary>
    public int DeleteMember(string channel, string userId) =>
        _pledges.DeleteMany(p => p.Member == Pledge.MemberOf(channel, userId));
}

public sealed class DuplicatePledgeException(Exception inner) : Exception("The member already has a pledge for this plan.", inner);
