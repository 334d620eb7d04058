using Bot.Audience;
using Bot.Builder.State;
using Bot.Conversations;
using LiteDB;

namespace Bot.Pledges;

/// <summary>/xoadulieu (/deletemydata): after a confirmation, deletes everything the bot stores about the member (Decree 13/2023).</summary>
public sealed class DeleteMyDataCommand(MemberDataEraser eraser, PledgeRepository repository, IDeepLinks links, Say say) : ICommand
{
    private const string Confirmed = "xacnhan";

    public IReadOnlyList<string> Names => ["xoadulieu", "deletemydata", "xoa_du_lieu"];
    public bool StartsFlow => true;

    public async Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken)
    {
        var lang = await say.LanguageAsync(turn, cancellationToken);
        if (turn.Activity.ChatKind == ChatKind.Group)
        {
            await MyPledgesCommand.PrivateOnlyAsync(turn, lang, links, say, PledgePayloads.MyPledges, cancellationToken);
            return;
        }
        switch (args.Trim().ToLowerInvariant())
        {
            case Confirmed:
                var (pledges, states) = await eraser.EraseAsync(turn, cancellationToken);
                // No choices here: offering them would store this member's state again right after deleting it.
                await turn.SendAsync(say.Texts.Get(lang, "pledge-data.deleted", ("count", pledges), ("states", states)), cancellationToken);
                return;
            case "":
                var count = repository.ForMember(turn.Activity.Channel, turn.Activity.UserId).Count;
                await turn.SendAsync(new Reply
                {
                    Text = say.Texts.Get(lang, "pledge-data.delete-confirm", ("count", count)),
                    Choices =
                    [
                        new Choice($"/xoadulieu {Confirmed}", say.Texts.Get(lang, "pledge-data.delete-yes")),
                        new Choice("/xoadulieu khong", say.Texts.Get(lang, "pledge-data.delete-no")),
                    ],
                }, cancellationToken);
                return;
            default:
                await turn.SendAsync(say.Texts.Get(lang, "pledge-data.delete-kept"), cancellationToken);
                return;
        }
    }
}

/// <summary>
/// Deletes a member's pledges, their state documents (User scope, and Member scope in every chat of the channel the
/// bot knows, plus their private chat's conversation state) and their private-chat record in the chat directory.
/// </summary>
public sealed class MemberDataEraser(PledgeRepository repository, IStateStore store, ChatDirectory chats, LiteDatabase db, ILogger<MemberDataEraser> logger)
{
    public async Task<(int Pledges, int States)> EraseAsync(ITurnContext turn, CancellationToken ct)
    {
        var a = turn.Activity;
        var pledges = repository.DeleteMember(a.Channel, a.UserId);
        var chatIds = chats.All().Where(c => c.Channel == a.Channel).Select(c => c.ChatId).Append(a.ChatId).Append(a.UserId).Distinct();
        var keys = chatIds.Select(id => StateKeys.For(StateScope.Member, a with { ChatId = id }))
            .Append(StateKeys.For(StateScope.User, a))
            .Append(StateKeys.For(StateScope.Conversation, a))
            .Distinct();
        var states = 0;
        foreach (var key in keys)
        {
            if (await store.ReadAsync(key, ct) is null) continue;
            await store.DeleteAsync(key, ct);
            states++;
        }
        // This turn's loaded state would otherwise be written back at the end of the turn.
        turn.State.Discard();
        db.GetCollection(ChatDirectory.Collection).Delete(KnownChat.KeyOf(a.Channel, a.ChatId));
        // Broadcast reports keep a recipient's name for 90 days; a member who asked to be forgotten is anonymised there too.
        db.GetCollection(Bot.Broadcasts.Outbox.BroadcastStore.Rows).UpdateMany(
            LiteDB.BsonExpression.Create("{ Title: '' }"),
            LiteDB.BsonExpression.Create("Channel = @0 AND (ChatId = @1 OR ChatId = @2)", a.Channel, a.ChatId, a.UserId));
        logger.LogInformation("Deleted a member's data on request in {Channel}: {Pledges} pledges, {States} state documents", a.Channel, pledges, states);
        return (pledges, states);
    }
}
