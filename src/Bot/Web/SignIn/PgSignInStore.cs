using Bot.Builder.State;
using Bot.Storage.PostgreSql;

namespace Bot.Web.SignIn;

/// <summary>Sign-in links and sessions in PostgreSQL. Redeeming locks the link's row: a link is used once, across instances too.</summary>
public sealed class PgSignInStore(PgDatabase db, PgCommitter committer) : ISignInStore
{
    public Task AddLinkAsync(SignInLink link, CancellationToken cancellationToken = default) =>
        UnitOfWork.CommitNowAsync(committer, new PgWrite("sign-in link", async tx =>
        {
            // Spent and expired links are of no use to anyone: dropped as new ones come.
            await tx.ExecuteAsync("DELETE FROM web_signin_links WHERE expires_at < $1", link.CreatedAt.AddDays(-1));
            await tx.ExecuteAsync("INSERT INTO web_signin_links (id, expires_at, doc) VALUES ($1, $2, $3)", link.Id, link.ExpiresAt, PgDatabase.Doc(link));
        }), cancellationToken);

    public async Task<RedeemResult> RedeemAsync(string linkId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        SignInLink? redeemed = null;
        try
        {
            await UnitOfWork.CommitNowAsync(committer, new PgWrite("redeem sign-in link", async tx =>
            {
                var link = (await tx.QueryAsync("SELECT doc FROM web_signin_links WHERE id = $1 FOR UPDATE", r => PgDatabase.Read<SignInLink>(r), linkId)).FirstOrDefault();
                var refused = link switch
                {
                    null => RedeemOutcome.Unknown,
                    { UsedAt: not null } => RedeemOutcome.AlreadyUsed,
                    { } l when l.ExpiresAt <= now => RedeemOutcome.Expired,
                    _ => (RedeemOutcome?)null,
                };
                if (refused is { } outcome) throw PgTransaction.Refuse(new Refused(outcome));
                link!.UsedAt = now;
                await tx.ExecuteAsync("UPDATE web_signin_links SET doc = $2 WHERE id = $1", linkId, PgDatabase.Doc(link));
                redeemed = link;
            }), cancellationToken);
            return new(RedeemOutcome.SignedIn, redeemed);
        }
        catch (Refused refused)
        {
            return new(refused.Outcome, null);
        }
    }

    public Task AddSessionAsync(WebSession session, CancellationToken cancellationToken = default) =>
        UnitOfWork.CommitNowAsync(committer, new PgWrite("web session",
            tx => tx.ExecuteAsync("INSERT INTO web_sessions (id, doc) VALUES ($1, $2)", session.Id, PgDatabase.Doc(session))), cancellationToken);

    public Task<WebSession?> FindSessionAsync(string id, CancellationToken cancellationToken = default) =>
        db.DocumentAsync<WebSession>("SELECT doc FROM web_sessions WHERE id = $1", id);

    public Task EndSessionAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        UnitOfWork.CommitNowAsync(committer, new PgWrite("end web session", async tx =>
        {
            var session = (await tx.QueryAsync("SELECT doc FROM web_sessions WHERE id = $1 FOR UPDATE", r => PgDatabase.Read<WebSession>(r), id)).FirstOrDefault();
            if (session is not { EndedAt: null }) return;
            session.EndedAt = at;
            await tx.ExecuteAsync("UPDATE web_sessions SET doc = $2 WHERE id = $1", id, PgDatabase.Doc(session));
        }), cancellationToken);

    private sealed class Refused(RedeemOutcome outcome) : Exception(outcome.ToString())
    {
        public RedeemOutcome Outcome { get; } = outcome;
    }
}
