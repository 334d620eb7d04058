using Bot.Builder.State;
using Bot.Storage;
using LiteDB;

namespace Bot.Web.SignIn;

/// <summary>Links and sessions in LiteDB: reads straight from the database, writes through the one writer with their condition checked there.</summary>
public sealed class LiteDbSignInStore(LiteDatabase db, StorageWriter writer) : ISignInStore
{
    public const string Links = "web_signin_links";
    public const string Sessions = "web_sessions";

    public Task AddLinkAsync(SignInLink link, CancellationToken cancellationToken = default) =>
        UnitOfWork.CommitNowAsync(writer, new LiteWrite("sign-in link", d =>
        {
            var links = d.GetCollection<SignInLink>(Links);
            // Spent and expired links are of no use to anyone: dropped as new ones come.
            links.DeleteMany(l => l.ExpiresAt < link.CreatedAt.AddDays(-1));
            links.Insert(link);
        }), cancellationToken);

    public async Task<RedeemResult> RedeemAsync(string linkId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        try
        {
            await UnitOfWork.CommitNowAsync(writer, new LiteWrite("redeem sign-in link",
                d =>
                {
                    var links = d.GetCollection<SignInLink>(Links);
                    var link = links.FindById(linkId);
                    link.UsedAt = now;
                    links.Update(link);
                },
                d => d.GetCollection<SignInLink>(Links).FindById(linkId) switch
                {
                    null => new Refused(RedeemOutcome.Unknown),
                    { UsedAt: not null } => new Refused(RedeemOutcome.AlreadyUsed),
                    { } l when l.ExpiresAt <= now => new Refused(RedeemOutcome.Expired),
                    _ => null,
                }), cancellationToken);
            return new(RedeemOutcome.SignedIn, db.GetCollection<SignInLink>(Links).FindById(linkId));
        }
        catch (Refused refused)
        {
            return new(refused.Outcome, null);
        }
    }

    public Task AddSessionAsync(WebSession session, CancellationToken cancellationToken = default) =>
        UnitOfWork.CommitNowAsync(writer, new LiteWrite("web session", d => d.GetCollection<WebSession>(Sessions).Insert(session)), cancellationToken);

    public Task<WebSession?> FindSessionAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult<WebSession?>(db.GetCollection<WebSession>(Sessions).FindById(id));

    public Task EndSessionAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        UnitOfWork.CommitNowAsync(writer, new LiteWrite("end web session", d =>
        {
            var sessions = d.GetCollection<WebSession>(Sessions);
            if (sessions.FindById(id) is { EndedAt: null } s)
            {
                s.EndedAt = at;
                sessions.Update(s);
            }
        }), cancellationToken);

    private sealed class Refused(RedeemOutcome outcome) : Exception(outcome.ToString())
    {
        public RedeemOutcome Outcome { get; } = outcome;
    }
}
