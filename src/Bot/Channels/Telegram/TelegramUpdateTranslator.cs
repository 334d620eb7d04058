using System.Globalization;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Channels.Telegram;

/// <summary>
/// Update → channel-neutral <see cref="Activity"/>. Only translates: what to answer is the pipeline's business.
/// Returns null for what the bot must not act on (other bots' commands, plain group chatter, service messages).
/// </summary>
public sealed class TelegramUpdateTranslator(TelegramBotIdentity identity, TimeProvider time)
{
    public const string Channel = "telegram";

    public Activity? Translate(Update update) => update switch
    {
        { Message: { } m } => FromMessage(m),
        { CallbackQuery: { } q } => FromButton(q),
        { MyChatMember: { } c } => FromMembership(update.Id, c),
        _ => null,
    };

    private Activity? FromMessage(Message m)
    {
        if (m.From is not { IsBot: false } from || Kind(m.Chat) is not { } kind) return null;
        var replyToBot = m.ReplyToMessage?.From?.Id == identity.Id;
        var text = InboundText.Bound(m.Text, InboundText.Telegram);
        if (text is null)
        {
            // A sticker or photo sent to the bot gets "please type"; service messages (joins, titles, pins) get nothing.
            if (m.IsServiceMessage || (kind == ChatKind.Group && !replyToBot)) return null;
            return Activity(m, from, kind, ActivityKind.Unsupported, null, replyToBot);
        }
        var (stripped, mention) = CommandLine.StripMention(text);
        if (mention is not null && !identity.IsThisBot(mention)) return null; // "/dot@OtherBot"
        // Privacy mode: in groups the product only acts on commands and replies to the bot, whatever the bot can read.
        if (kind == ChatKind.Group && !stripped.TrimStart().StartsWith('/') && !replyToBot) return null;
        return Activity(m, from, kind, ActivityKind.Message, stripped, replyToBot);
    }

    private Activity Activity(Message m, User from, ChatKind kind, ActivityKind activityKind, string? text, bool replyToBot) => new()
    {
        Channel = Channel,
        ChatId = Id(m.Chat.Id),
        ChatKind = kind,
        UserId = Id(from.Id),
        UserName = NameOf(from),
        Kind = activityKind,
        MessageId = Id(m.MessageId),
        Text = text,
        IsReplyToBot = replyToBot,
        Language = from.LanguageCode,
        Timestamp = new DateTimeOffset(DateTime.SpecifyKind(m.Date, DateTimeKind.Utc)),
    };

    private Activity? FromButton(CallbackQuery q)
    {
        // Inline-mode messages have no chat; this bot sends none, so a press there is nothing it knows.
        if (q.Message is not { } m || Kind(m.Chat) is not { } kind) return null;
        return new Activity
        {
            Channel = Channel,
            ChatId = Id(m.Chat.Id),
            ChatKind = kind,
            UserId = Id(q.From.Id),
            UserName = NameOf(q.From),
            Kind = ActivityKind.Button,
            ButtonData = InboundText.Bound(q.Data, InboundText.ButtonData),
            // The query id de-duplicates a re-delivered press; the keyboard's message id lets the connector remove it.
            MessageId = TelegramButtonPress.Format(q.Id, m.MessageId),
            Language = q.From.LanguageCode,
            Timestamp = time.GetUtcNow(),
        };
    }

    private Activity? FromMembership(int updateId, ChatMemberUpdated c)
    {
        if (Kind(c.Chat) is not { } kind) return null;
        var wasIn = c.OldChatMember.IsInChat;
        var isIn = c.NewChatMember.IsInChat;
        ActivityKind? change = (wasIn, isIn) switch
        {
            (false, true) when kind == ChatKind.Group => ActivityKind.BotAdded,
            (true, false) => ActivityKind.BotRemoved, // removed from a group, or blocked in a private chat
            _ => null,                                 // promoted, restricted, unblocked: nothing to say
        };
        if (change is null) return null;
        return new Activity
        {
            Channel = Channel,
            ChatId = Id(c.Chat.Id),
            ChatKind = kind,
            UserId = Id(c.From.Id),
            UserName = NameOf(c.From),
            Kind = change.Value,
            MessageId = "u" + Id(updateId),
            Language = c.From.LanguageCode,
            Timestamp = new DateTimeOffset(DateTime.SpecifyKind(c.Date, DateTimeKind.Utc)),
        };
    }

    private static ChatKind? Kind(Chat chat) => chat.Type switch
    {
        ChatType.Private => ChatKind.Private,
        ChatType.Group or ChatType.Supergroup => ChatKind.Group,
        _ => null, // channels: the bot does not take part in them
    };

    private static string NameOf(User user)
    {
        var name = $"{user.FirstName} {user.LastName}".Trim();
        return InboundText.Bound(name.Length > 0 ? name : user.Username ?? "", InboundText.Name)!;
    }

    internal static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A button press as the activity's message id: "cb:{queryId}:{keyboard message id}".</summary>
public static class TelegramButtonPress
{
    private const string Prefix = "cb:";

    public static string Format(string queryId, int messageId) => $"{Prefix}{queryId}:{messageId.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? value, out string queryId, out int messageId)
    {
        queryId = "";
        messageId = 0;
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var colon = value.LastIndexOf(':');
        if (colon <= Prefix.Length || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out messageId)) return false;
        queryId = value[Prefix.Length..colon];
        return true;
    }
}
