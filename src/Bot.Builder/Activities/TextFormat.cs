using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Builder.Activities;

public static partial class TextFormat
{
    /// <summary>Escapes what HTML messages need (&amp;, &lt;, &gt;, &quot;). Vietnamese letters stay as they are, so lengths stay true.</summary>
    public static string Escape(string? text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>Plain text for channels without HTML: tags dropped, entities decoded.</summary>
    public static string ToPlain(string html) => WebUtility.HtmlDecode(Tags().Replace(html, ""));

    /// <summary>Splits text into pieces of at most <paramref name="max"/> characters, preferring paragraph, then line, then word boundaries.</summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        if (text.Length <= max) return [text];
        var parts = new List<string>();
        var rest = text;
        while (rest.Length > max)
        {
            var cut = LastBreak(rest, max, "\n\n") ?? LastBreak(rest, max, "\n") ?? LastBreak(rest, max, " ") ?? max;
            if (char.IsHighSurrogate(rest[cut - 1])) cut--; // never split an emoji in two
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart('\n', ' ');
        }
        if (rest.Length > 0) parts.Add(rest);
        return parts;
    }

    private static int? LastBreak(string text, int max, string separator)
    {
        var i = text.LastIndexOf(separator, max - 1, max, StringComparison.Ordinal);
        return i > max / 3 ? i : null;
    }

    /// <summary>Appends "1. Label" lines so a channel without buttons can still offer choices.</summary>
    public static string WithNumberedChoices(string text, IReadOnlyList<Choice> choices)
    {
        var sb = new StringBuilder(text);
        for (var i = 0; i < choices.Count; i++)
            sb.Append('\n').Append(i + 1).Append(". ").Append(choices[i].Label);
        return sb.ToString();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
