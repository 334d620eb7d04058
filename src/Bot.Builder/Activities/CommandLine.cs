namespace Bot.Builder.Activities;

/// <summary>"/name args" — name lower-cased, without the slash.</summary>
public sealed record CommandLine(string Name, string Args)
{
    public static CommandLine? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.TrimStart();
        if (t.Length < 2 || t[0] != '/') return null;
        var end = 1;
        while (end < t.Length && !char.IsWhiteSpace(t[end])) end++;
        var name = t[1..end];
        var at = name.IndexOf('@');
        if (at >= 0) name = name[..at];
        if (name.Length == 0) return null;
        return new CommandLine(name.ToLowerInvariant(), t[end..].Trim());
    }

    /// <summary>Splits "/cmd@Bot args" into the command text without the mention and the mentioned bot name.</summary>
    public static (string Text, string? Mention) StripMention(string text)
    {
        var t = text.TrimStart();
        if (!t.StartsWith('/')) return (text, null);
        var end = 1;
        while (end < t.Length && !char.IsWhiteSpace(t[end])) end++;
        var token = t[..end];
        var at = token.IndexOf('@');
        if (at < 0) return (text, null);
        return (token[..at] + t[end..], token[(at + 1)..]);
    }
}
