using System.Text.RegularExpressions;
using Bot.Pledges;

namespace Bot.Channels.Telegram;

/// <summary>
/// "Open a private chat with the bot and run /start &lt;payload&gt;": https://t.me/&lt;bot&gt;?start=&lt;payload&gt;.
/// Telegram allows 1–64 characters of A-Z, a-z, 0-9, _ and - in the payload; anything else gets no link.
/// </summary>
public sealed partial class TelegramDeepLinks(TelegramBotIdentity identity) : IDeepLinks
{
    public string? PrivateChatLink(string channel, string payload)
    {
        if (channel != TelegramUpdateTranslator.Channel || !Payload().IsMatch(payload)) return null;
        return identity.Me?.Username is { Length: > 0 } username ? $"https://t.me/{username}?start={payload}" : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Payload();
}
