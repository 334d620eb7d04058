using LiteDB;

namespace Bot.Web.Unanswered;

/// <summary>
/// A question the FAQ declined or answered only with "did you mean". Who asked is not kept (no channel, no user), and
/// digits are masked (phone numbers, ids), so officers see what was asked, not by whom.
/// </summary>
public sealed class UnansweredQuestion
{
    [BsonId(autoId: true)]
    public int Id { get; set; }
    public string Text { get; set; } = "";
    public string Outcome { get; set; } = "";
    public string Language { get; set; } = "vi";
    public DateTimeOffset At { get; set; }
}

public interface IUnansweredQuestionStore
{
    /// <summary>Kept with the member's turn (enlisted in its unit of work), or at once outside a turn.</summary>
    Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken = default);

    /// <summary>The newest first.</summary>
    Task<IReadOnlyList<UnansweredQuestion>> RecentAsync(int limit, CancellationToken cancellationToken = default);
}

public sealed class LiteDbUnansweredQuestionStore(LiteDatabase db, Storage.StorageWriter writer) : IUnansweredQuestionStore
{
    public const string Collection = "web_unanswered";

    /// <summary>Older questions are dropped past this many: the page is about what members ask now.</summary>
    public const int Keep = 5000;

    public Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken = default) =>
        Builder.State.UnitOfWork.WriteAsync(writer, new Storage.LiteWrite("unanswered question", d =>
        {
            var rows = d.GetCollection<UnansweredQuestion>(Collection);
            var id = rows.Insert(question).AsInt32;
            if (id % 100 == 0) rows.DeleteMany(q => q.Id <= id - Keep);
        }), cancellationToken);

    public Task<IReadOnlyList<UnansweredQuestion>> RecentAsync(int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<UnansweredQuestion>>([.. db.GetCollection<UnansweredQuestion>(Collection).Query().OrderByDescending(q => q.Id).Limit(limit).ToEnumerable()]);
}
