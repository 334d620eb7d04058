using Bot.Audience;
using Bot.Conversations;

namespace Bot.Channels.Zalo;

/// <summary>
/// Zalo groups are a beta where the bot only sees @mentions and replies, and every message there reaches every
/// member: an answer that needs several messages goes to the asker's private chat instead, with a one-line note in
/// the group. Zalo gives a bot a member's chat id only once the member has written to it (zalo.md §1.8), so the
/// answer goes privately only to members who have; the others get a short summary and an invitation to write.
/// </summary>
public sealed class ZaloGroupOverflow(IChatDirectory chats, Say say, ILogger<ZaloGroupOverflow> logger) : IGroupOverflow
{
    internal const int SummaryLength = 600;

    public string Channel => ZaloActivityMapper.Channel;

    public async Task<bool> TrySendAsync(ITurnContext turn, Reply reply, CancellationToken cancellationToken)
    {
        var a = turn.Activity;
        // A private Zalo chat's id is the member's user id (zalo.md §1.4 sample).
        if (await chats.FindAsync(a.Channel, a.UserId, cancellationToken) is { Kind: ChatKind.Private, Active: true, UnreachableReason: null })
        {
            try
            {
                await turn.SendToAsync(new ConversationAddress(a.Channel, a.UserId, ChatKind.Private), reply, cancellationToken);
                await say.SendAsync(turn, "zalo.group-answer-sent-privately", ("name", a.UserName));
                return true;
            }
            catch (ChannelSendException ex)
            {
                logger.LogWarning(ex, "Could not move a long Zalo group answer to {UserId}'s private chat; summarising in the group", a.UserId);
            }
        }
        var plain = TextFormat.ToPlain(reply.Text);
        var summary = TextFormat.Split(plain, SummaryLength)[0];
        var text = TextFormat.Escape(summary) + " …\n\n" + await say.TextAsync(turn, "zalo.group-answer-too-long", ("name", a.UserName));
        await turn.SendAsync(text, cancellationToken);
        return true;
    }
}
