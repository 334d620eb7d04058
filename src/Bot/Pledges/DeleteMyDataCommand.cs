using Bot.Conversations;
using Bot.Members;

namespace Bot.Pledges;

/// <summary>/xoadulieu (/deletemydata): after a confirmation, deletes everything the bot stores about the member (Decree 13/2023).</summary>
public sealed class DeleteMyDataCommand(MemberDataService members, PledgeService pledges, Actors actors, IDeepLinks links, Say say) : ICommand
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
                var erased = await members.EraseAsync(actors.Of(turn.Activity, lang), cancellationToken);
                // This turn's loaded state would otherwise be written back at the end of the turn.
                turn.State.Discard();
                // No choices here: offering them would store this member's state again right after deleting it.
                await turn.SendAsync(say.Texts.Get(lang, "pledge-data.deleted", ("count", erased.Of<PledgeMemberData>()), ("states", erased.Of<StateMemberData>())), cancellationToken);
                return;
            case "":
                var count = (await pledges.MineAsync(actors.Of(turn.Activity, lang), cancellationToken)).Count;
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
