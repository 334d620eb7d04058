using Bot.Audience;
using Bot.Broadcasts.Outbox;
using Bot.Broadcasts.Schedule;
using Bot.Members;
using Bot.Pledges;
using Bot.Pledges.Digest;
using Bot.Storage.PostgreSql;
using Bot.Web.Audit;
using Bot.Web.SignIn;
using Bot.Web.Unanswered;
using LiteDB;

namespace Bot.Storage.Copy;

/// <summary>Every collection the bot keeps, as the PostgreSQL stores lay it out (see Migrations/0001_initial.sql).</summary>
public static class CopiedTables
{
    private static PgJson Doc<T>(T value) => PgDatabase.Doc(value);

    private static IEnumerable<T> All<T>(LiteDatabase db, string collection) => db.GetCollection<T>(collection).FindAll();

    private static IEnumerable<BsonDocument> Raw(LiteDatabase db, string collection) => db.GetCollection(collection).FindAll();

    private static DateTime Utc(BsonValue v) => DateTime.SpecifyKind(v.AsDateTime.ToUniversalTime(), DateTimeKind.Utc);

    private static string Insert(string table, string columns, int count) =>
        $"INSERT INTO {table} ({columns}) {(table is "received" ? "OVERRIDING SYSTEM VALUE " : "")}VALUES ({string.Join(", ", Enumerable.Range(1, count).Select(i => "$" + i))}) ON CONFLICT DO NOTHING";

    public static IReadOnlyList<CopiedTable> All() =>
    [
        new("state", "key", Insert("state", "key, version, json, updated_at", 4),
            db => Raw(db, LiteDbStateStore.Collection).Select(d => new object?[] { d["_id"].AsString, d["Version"].AsInt64, d["Json"].AsString, Utc(d["UpdatedAt"]) })),
        new("processed", "key", Insert("processed", "key, at", 2),
            db => Raw(db, LiteDbDeduplicator.Collection).Select(d => new object?[] { d["_id"].AsString, Utc(d["At"]) })),
        new("received", "id", Insert("received", "id, channel, payload, at", 4),
            db => Raw(db, LiteDbReceivedUpdates.Collection).Select(d => new object?[] { d["_id"].AsInt64, d["Channel"].AsString, d["Payload"].AsString, Utc(d["At"]) }), IdentityKey: true),
        new("reply_outbox", "turn_key", Insert("reply_outbox", "turn_key, json, at", 3),
            db => Raw(db, LiteDbReplyOutbox.Collection).Select(d => new object?[] { d["_id"].AsString, d["Json"].AsString, Utc(d["At"]) })),
        new("pledges", "id", Insert("pledges", "id, slot, member, plan_id, created_at, updated_at, version, doc", 8),
            db => All<Pledge>(db, LiteDbPledgeStore.Collection).Select(p => new object?[] { p.Id, Pledge.SlotOf(p.Channel, p.UserId, p.PlanId), Pledge.MemberOf(p.Channel, p.UserId), p.PlanId, p.CreatedAt, p.UpdatedAt, p.Version, Doc(p) }), IdentityKey: true),
        new("registration", "plan_id", Insert("registration", "plan_id, doc", 2),
            db => All<RegistrationOverride>(db, LiteDbRegistrationOverrideStore.Collection).Select(r => new object?[] { r.PlanId, Doc(r) })),
        new("pledge_digest", "id", Insert("pledge_digest", "id, doc", 2),
            db => All<PledgeDigestMark>(db, LiteDbPledgeDigestStore.Collection).Select(m => new object?[] { m.Id, Doc(m) })),
        new("chats", "id", Insert("chats", "id, reachable, doc", 3),
            db => All<KnownChat>(db, LiteDbChatDirectory.Collection).Select(c => new object?[] { c.Id, c.Active && c.UnreachableReason is null, Doc(c) })),
        new("officer_roles", "id", Insert("officer_roles", "id, source, doc", 3),
            db => All<StoredOfficerRole>(db, LiteDbOfficerRoleStore.Collection).Select(r => new object?[] { r.Id, r.Source, Doc(r) })),
        new("broadcasts", "id", Insert("broadcasts", "id, state, schedule_id, doc", 4),
            db => All<BroadcastRecord>(db, LiteDbBroadcastStore.Broadcasts).Select(b => new object?[] { b.Id, b.State, b.ScheduleId, Doc(b) }), IdentityKey: true),
        new("broadcast_outbox", "id", Insert("broadcast_outbox", "id, broadcast_id, channel, chat_id, kind, language, title, state, reason, message_id, attempts, updated_at", 12),
            db => All<OutboxRow>(db, LiteDbBroadcastStore.Rows).Select(r => new object?[] { r.Id, r.BroadcastId, r.Channel, r.ChatId, r.Kind, r.Language, r.Title, r.State, r.Reason, r.MessageId, r.Attempts, r.UpdatedAt })),
        new("kickoff_schedule", "id", Insert("kickoff_schedule", "id, key, state, doc", 4),
            db => All<ScheduledKickoff>(db, LiteDbKickoffScheduleStore.Collection).Select(k => new object?[] { k.Id, k.Key, k.State, Doc(k) }), IdentityKey: true),
        new("web_signin_links", "id", Insert("web_signin_links", "id, expires_at, doc", 3),
            db => All<SignInLink>(db, LiteDbSignInStore.Links).Select(l => new object?[] { l.Id, l.ExpiresAt, Doc(l) })),
        new("web_sessions", "id", Insert("web_sessions", "id, doc", 2),
            db => All<WebSession>(db, LiteDbSignInStore.Sessions).Select(s => new object?[] { s.Id, Doc(s) })),
        new("web_audit", "id", Insert("web_audit", "id, doc", 2),
            db => All<AuditEntry>(db, LiteDbAuditLog.Collection).Select(e => new object?[] { e.Id, Doc(e) }), IdentityKey: true),
        new("web_unanswered", "id", Insert("web_unanswered", "id, doc", 2),
            db => All<UnansweredQuestion>(db, LiteDbUnansweredQuestionStore.Collection).Select(q => new object?[] { q.Id, Doc(q) }), IdentityKey: true),
    ];
}
