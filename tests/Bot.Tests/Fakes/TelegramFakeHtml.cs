using System.Globalization;
using System.Text;

namespace Bot.Tests.Fakes;

/// <summary>
/// Telegram's HTML parse mode, strictly enough to catch what real Telegram refuses: unknown or unbalanced tags and
/// unknown named entities give "can't parse entities", and the length limit counts the text after parsing.
/// </summary>
public static class TelegramFakeHtml
{
    private static readonly HashSet<string> Tags = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "tg-spoiler", "span", "blockquote", "tg-emoji"];

    public static bool TryParse(string html, out string text, out string? error)
    {
        var sb = new StringBuilder();
        var open = new Stack<string>();
        error = null;
        text = "";
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0) return Fail(out error, $"Unclosed start tag at byte offset {i}");
                var inner = html[(i + 1)..end].Trim();
                var closing = inner.StartsWith('/');
                var name = (closing ? inner[1..] : inner).Split(' ', 2)[0].ToLowerInvariant();
                if (!Tags.Contains(name)) return Fail(out error, $"Unsupported start tag \"{name}\" at byte offset {i}");
                if (closing)
                {
                    if (open.Count == 0 || open.Pop() != name) return Fail(out error, $"Unmatched end tag at byte offset {i}, expected \"</{name}>\"");
                }
                else open.Push(name);
                i = end;
            }
            else if (c == '&')
            {
                var end = html.IndexOf(';', i);
                var entity = end > i ? html[(i + 1)..end] : "";
                if (Decode(entity) is { } decoded) { sb.Append(decoded); i = end; }
                else if (end > i && entity.Length is > 0 and < 10 && entity.All(char.IsAsciiLetter)) return Fail(out error, $"Unsupported HTML entity \"&{entity};\"");
                else sb.Append('&');
            }
            else sb.Append(c);
        }
        if (open.Count > 0) return Fail(out error, $"Can't find end tag corresponding to start tag \"{open.Peek()}\"");
        text = sb.ToString();
        return true;
    }

    private static string? Decode(string entity) => entity switch
    {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "quot" => "\"",
        ['#', 'x' or 'X', .. var hex] when int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var n) => char.ConvertFromUtf32(n),
        ['#', .. var dec] when int.TryParse(dec, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => char.ConvertFromUtf32(n),
        _ => null,
    };

    private static bool Fail(out string? error, string message)
    {
        error = "Bad Request: can't parse entities: " + message;
        return false;
    }
}
