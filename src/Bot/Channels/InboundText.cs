namespace Bot.Channels;

/// <summary>
/// What a channel accepts from a member, bounded before any work: the platforms' own limits (Telegram 4,096
/// characters, Zalo 2,000), so only a forged post or a pasted terminal line can be longer. Longer text is cut, not
/// refused: every answer the bot keeps has its own, much smaller limit and is refused politely there ("at most 120
/// characters"), while a question or a command loses only a tail no platform would have delivered.
/// </summary>
public static class InboundText
{
    public const int Telegram = 4096;
    public const int Zalo = 2000;
    public const int Local = 4096;

    /// <summary>Telegram allows 64 bytes of button data; anything longer was not made by this bot.</summary>
    public const int ButtonData = 256;

    /// <summary>A member's name: as long as any sensible name, well-formed like any text.</summary>
    public const int Name = 256;

    /// <summary>
    /// Cut at <paramref name="max"/> characters and made well-formed: a lone half of a surrogate pair (which JSON
    /// escapes can carry) becomes U+FFFD, since it cannot be stored or sent as UTF-8.
    /// </summary>
    public static string? Bound(string? text, int max)
    {
        if (text is null) return null;
        if (text.Length > max)
        {
            // Never split a surrogate pair (an emoji) in two.
            var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
            text = text[..end];
        }
        return HasLoneSurrogate(text) ? Repair(text) : text;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    private static string Repair(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }
}
