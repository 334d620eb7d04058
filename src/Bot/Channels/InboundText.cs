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

    public static string? Bound(string? text, int max)
    {
        if (text is null || text.Length <= max) return text;
        // Never split a surrogate pair (an emoji) in two.
        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..end];
    }
}
