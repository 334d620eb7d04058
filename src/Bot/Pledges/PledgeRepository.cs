using LiteDB;

namespace Bot.Pledges;

/// <summary>
/// The pledges in LiteDB. Every write is a single statement that is durable when it returns, so the bot
/// says "registered" only after the record is on disk. The unique Slot index keeps one pledge per member and plan.
/// Updates are conditional on the version the writer read (one UpdateMany): a member and an officer changing the
/// same pledge at once cannot overwrite each other; the one who loses is told.
/// </summary>
public sealed class PledgeRepository
{
    public const string Collection = "pledges";
    private readonly ILiteCollection<Pledge> _pledges;
    private readonly BsonMapper _mapper;
    private readonly string[] _fields;
    private readonly string _extend;

    public PledgeRepository(LiteDatabase db)
    {
        _mapper = db.Mapper;
        _pledges = db.GetCollection<Pledge>(Collection);
        _fields = [.. typeof(Pledge).GetProperties().Where(p => p.CanWrite && p.Name != nameof(Pledge.Id)).Select(p => p.Name)];
        _extend = "{ " + string.Join(", ", _fields.Select((f, i) => $"{f}: @{i}")) + " }";
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

    /// <summary>Stores a new pledge (version 1).</summary>
    /// <exception cref="DuplicatePledgeException">The member already has a pledge for this plan (registered from another chat meanwhile).</exception>
    public Pledge Insert(Pledge pledge)
    {
        pledge.Slot = Pledge.SlotOf(pledge.Channel, pledge.UserId, pledge.PlanId);
        pledge.Member = Pledge.MemberOf(pledge.Channel, pledge.UserId);
        pledge.Version = 1;
        try
        {
            _pledges.Insert(pledge);
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

    /// <summary>
    /// Writes the whole pledge if the stored one still has <see cref="Pledge.Version"/> (the version this copy was read
    /// at); raises the version on success. False when someone else wrote first (or the pledge is gone): nothing is written.
    /// </summary>
    public bool TryUpdate(Pledge pledge)
    {
        var expected = pledge.Version;
        pledge.Slot = Pledge.SlotOf(pledge.Channel, pledge.UserId, pledge.PlanId);
        pledge.Member = Pledge.MemberOf(pledge.Channel, pledge.UserId);
        var doc = _mapper.ToDocument(pledge);
        doc["Version"] = expected + 1;
        // UpdateMany merges fields and the mapper leaves nulls out: every field is named so a cleared one is cleared.
        var values = _fields.Select(f => doc.TryGetValue(f, out var v) ? v : BsonValue.Null).ToArray();
        // Pledges stored before versions existed have no Version field: they count as version 0.
        var updated = _pledges.UpdateMany(BsonExpression.Create(_extend, values),
            BsonExpression.Create("_id = @0 AND (Version = @1 OR (@1 = 0 AND Version = null))", pledge.Id, expected));
        if (updated == 0) return false;
        pledge.Version = expected + 1;
        return true;
    }

    /// <summary>Inserts a new pledge, or updates a read one conditionally on its version (throws when someone wrote meanwhile).</summary>
    public Pledge Save(Pledge pledge)
    {
        if (pledge.Id == 0) return Insert(pledge);
        return TryUpdate(pledge) ? pledge : throw new InvalidOperationException($"Pledge {pledge.Id} was changed or deleted meanwhile.");
    }

    /// <summary>Deletes every pledge of the member; returns how many there were.</summary>
    public int DeleteMember(string channel, string userId) =>
        _pledges.DeleteMany(p => p.Member == Pledge.MemberOf(channel, userId));
}

public sealed class DuplicatePledgeException(Exception inner) : Exception("The member already has a pledge for this plan.", inner);
