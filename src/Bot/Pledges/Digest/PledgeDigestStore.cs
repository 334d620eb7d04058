using Bot.Builder.State;
using Bot.Storage;
using LiteDB;

namespace Bot.Pledges.Digest;

/// <summary>How far the digests got, kept in LiteDB so a restart neither repeats nor skips a day.</summary>
public sealed class PledgeDigestMark
{
    [BsonId]
    public string Id { get; set; } = "mark";

    /// <summary>The local day whose digest was done (sent, or nothing to send).</summary>
    public DateOnly Day { get; set; }

    /// <summary>Changes stamped after this moment are not reported yet.</summary>
    public DateTimeOffset Through { get; set; }

    /// <summary>"id@ticks" of reported changes stamped after <see cref="Through"/> (the overlap window), not to report twice.</summary>
    public List<string> Reported { get; set; } = [];
}

/// <summary>Where the officers' digest got to; owned by the digest.</summary>
public interface IPledgeDigestStore
{
    Task<PledgeDigestMark?> MarkAsync(CancellationToken ct = default);

    /// <summary>Durable when it returns.</summary>
    Task SaveAsync(PledgeDigestMark mark, CancellationToken ct = default);
}

public sealed class LiteDbPledgeDigestStore(LiteDatabase db, StorageWriter writer) : IPledgeDigestStore
{
    public const string Collection = "pledge_digest";
    private readonly ILiteCollection<PledgeDigestMark> _marks = db.GetCollection<PledgeDigestMark>(Collection);

    public Task<PledgeDigestMark?> MarkAsync(CancellationToken ct = default) => Task.FromResult<PledgeDigestMark?>(_marks.FindById("mark"));

    public Task SaveAsync(PledgeDigestMark mark, CancellationToken ct = default) =>
        UnitOfWork.CommitNowAsync(writer, new LiteWrite("digest mark", d => d.GetCollection<PledgeDigestMark>(Collection).Upsert(mark)), ct);
}
