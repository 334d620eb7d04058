using Bot.Builder.State;
using Bot.Storage.PostgreSql;

namespace Bot.Web.Unanswered;

/// <summary>Unanswered questions in PostgreSQL, the newest <see cref="LiteDbUnansweredQuestionStore.Keep"/> kept.</summary>
public sealed class PgUnansweredQuestionStore(PgDatabase db, PgCommitter committer) : IUnansweredQuestionStore
{
    public Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken = default) =>
        UnitOfWork.WriteAsync(committer, new PgWrite("unanswered question", async tx =>
        {
            var id = (int)(await tx.ScalarAsync("INSERT INTO web_unanswered (doc) VALUES ($1) RETURNING id", PgDatabase.Doc(question)))!;
            question.Id = id;
            if (id % 100 == 0) await tx.ExecuteAsync("DELETE FROM web_unanswered WHERE id <= $1", id - LiteDbUnansweredQuestionStore.Keep);
        }), cancellationToken);

    public async Task<IReadOnlyList<UnansweredQuestion>> RecentAsync(int limit, CancellationToken cancellationToken = default) =>
        await db.QueryAsync("SELECT doc, id FROM web_unanswered ORDER BY id DESC LIMIT $1", r =>
        {
            var question = PgDatabase.Read<UnansweredQuestion>(r);
            question.Id = r.GetInt32(1);
            return question;
        }, limit);
}
