using LiteDB;

namespace Bot.Web.Audit;

/// <summary>
/// One officer action on the dashboard: who (channel:userId and name), what (an action key, worded on the audit page),
/// on what (a pledge id, a file name), when. No member's personal data is written here.
/// </summary>
public sealed class AuditEntry
{
    [BsonId(autoId: true)]
    public int Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Who { get; set; } = "";
    public string WhoName { get; set; } = "";
    public string Action { get; set; } = "";
    public string Target { get; set; } = "";
    public string? Detail { get; set; }
}

public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> RecentAsync(int skip, int take, CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);
}

public sealed class LiteDbAuditLog(LiteDatabase db, Storage.StorageWriter writer) : IAuditLog
{
    public const string Collection = "web_audit";

    public static void Indexes(ILiteCollection<BsonDocument> rows) => rows.EnsureIndex(nameof(AuditEntry.At), "$.At");

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default) =>
        Builder.State.UnitOfWork.CommitNowAsync(writer, new Storage.LiteWrite($"audit {entry.Action}", d => d.GetCollection<AuditEntry>(Collection).Insert(entry)), cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> RecentAsync(int skip, int take, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. db.GetCollection<AuditEntry>(Collection).Query().OrderByDescending(e => e.Id).Skip(skip).Limit(take).ToEnumerable()]);

    public Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(db.GetCollection<AuditEntry>(Collection).Count());
}
