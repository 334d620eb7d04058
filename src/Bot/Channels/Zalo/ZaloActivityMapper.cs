using Bot.Channels.Zalo.Api;

namespace Bot.Channels.Zalo;

/// <summary>The bot's own names, for recognising "@Bot" in group messages: the configured one plus what getMe says.</summary>
public sealed class ZaloBotIdentity(IOptions<ZaloOptions> options)
{
    private volatile string[] _names = Clean([options.Value.BotName]);

    public IReadOnlyList<string> Names => _names;

    public void Learn(ZaloBotInfo me) => _names = Clean([options.Value.BotName, me.DisplayName, me.AccountName]);

    // Longest first, so "@Trợ lý Thi đua" is not cut after "@Trợ lý" when both are known.
    private static string[] Clean(IEnumerable<string?> names) =>
        [.. names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim().TrimStart('@')).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(n => n.Length)];
}

/// <summary>Translates a Zalo event into the channel-neutral <see cref="Activity"/>; nothing else.</summary>
public sealed class ZaloActivityMapper(ZaloBotIdentity identity, TimeProvider time)
{
    public const string Channel = "zalo";

    /// <summary>The activity for this event, or null for events the bot must not answer (another bot's message).</summary>
    public Activity? ToActivity(ZaloUpdate update)
    {
        var m = update.Message;
        if (m.FromIsBot) return null;
        var text = update.EventName switch
        {
            ZaloUpdate.Text => m.Text,
            ZaloUpdate.Image => m.Caption ?? m.Text,
            ZaloUpdate.Sticker or ZaloUpdate.Unsupported => null,
            // Unknown or missing event names (a copy of the docs omits it): go by what the message carries.
            _ => m.Text ?? m.Caption,
        };
        text = InboundText.Bound(text, InboundText.Zalo);
        if (text is not null && m.IsGroup) text = StripMention(text, identity.Names);
        return new Activity
        {
            Channel = Channel,
            ChatId = m.ChatId,
            ChatKind = m.IsGroup ? ChatKind.Group : ChatKind.Private,
            UserId = m.FromId,
            UserName = InboundText.Bound(m.FromName, InboundText.Name) ?? "",
            Kind = text is null ? ActivityKind.Unsupported : ActivityKind.Message,
            MessageId = m.MessageId ?? SyntheticId(m),
            Text = text,
            // In groups Zalo delivers only @mentions of the bot and replies to it: every group message is addressed to us.
            IsReplyToBot = m.IsGroup,
            Timestamp = m.Date ?? time.GetUtcNow(),
        };
    }

    /// <summary>
    /// "@Trợ lý Thi đua /dot" → "/dot"; "@Trợ lý câu hỏi" → "câu hỏi". Known names are removed wherever they are;
    /// an unknown leading mention is skipped only when a command follows it.
    /// </summary>
    public static string StripMention(string text, IReadOnlyList<string> names)
    {
        var t = text;
        foreach (var name in names)
        {
            var mention = "@" + name;
            int i;
            while ((i = t.IndexOf(mention, StringComparison.OrdinalIgnoreCase)) >= 0)
                t = t[..i].TrimEnd() + " " + t[(i + mention.Length)..].TrimStart();
        }
        t = t.Trim().TrimStart(',', ':', ' ');
        if (t.StartsWith('@') && t.IndexOf(" /", StringComparison.Ordinal) is var slash and > 0) t = t[(slash + 1)..];
        return CommandLine.StripMention(t).Text.Trim();
    }

    // Without a message id a re-delivery could not be recognised; sender, time and content make a stable one
    // (string.GetHashCode is randomised per process, and a re-delivery may come after a restart).
    private static string? SyntheticId(ZaloMessage m)
    {
        if (m.Date is not { } date) return null;
        var content = System.Text.Encoding.UTF8.GetBytes(m.Text ?? m.Caption ?? m.PhotoUrl ?? m.Sticker ?? "");
        return $"{m.FromId}-{date.ToUnixTimeMilliseconds()}-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content))[..12]}";
    }
}
