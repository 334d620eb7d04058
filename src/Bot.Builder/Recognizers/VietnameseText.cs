using System.Text;

namespace Bot.Builder.Recognizers;

/// <summary>
/// Diacritic folding for Vietnamese. A table, not string.Normalize: normalisation is a no-op under
/// invariant globalization, and members type both precomposed and decomposed (letter + combining mark) text.
/// </summary>
public static class VietnameseText
{
    private static readonly Dictionary<char, char> Map = Build();

    /// <summary>Lower-case, diacritics removed, đ→d, whitespace collapsed, trimmed.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var raw in text)
        {
            if (raw is >= '\u0300' and <= '\u036F') continue;
            var c = char.ToLowerInvariant(raw);
            if (Map.TryGetValue(c, out var folded)) c = folded;
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Folded words: letters and digits only, punctuation dropped.</summary>
    public static string[] Words(string? text)
    {
        var folded = Fold(text);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded) sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        return sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// The words <see cref="Words"/> gives, one for one, in lower case with their precomposed marks kept. A combining mark
    /// is dropped as <see cref="Fold"/> drops it (the app runs with invariant globalization, which composes nothing), so
    /// such a word reads as typed bare.
    /// </summary>
    public static string[] MarkedWords(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\u0300' and <= '\u036F') continue;
            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    public static bool HasDiacritics(string? text) =>
        !string.IsNullOrEmpty(text) && text.Any(c => Map.ContainsKey(char.ToLowerInvariant(c)) || c is >= '\u0300' and <= '\u036F');

    /// <summary>
    /// Whether the text carries one of the five tone marks (huyền, sắc, hỏi, ngã, nặng), not only the vowel marks of
    /// â, ă, ê, ô, ơ, ư or đ: "từ" has a tone, "tư" and "môt" do not.
    /// </summary>
    public static bool HasTone(string? text) =>
        !string.IsNullOrEmpty(text) && text.Any(c => c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323'
            || (Map.ContainsKey(char.ToLowerInvariant(c)) && !ToneLess.Contains(char.ToLowerInvariant(c))));

    private const string ToneLess = "ăâêôơưđ";

    private static Dictionary<char, char> Build()
    {
        var groups = new Dictionary<char, string>
        {
            ['a'] = "àáảãạăằắẳẵặâầấẩẫậ",
            ['e'] = "èéẻẽẹêềếểễệ",
            ['i'] = "ìíỉĩị",
            ['o'] = "òóỏõọôồốổỗộơờớởỡợ",
            ['u'] = "ùúủũụưừứửữự",
            ['y'] = "ỳýỷỹỵ",
            ['d'] = "đ",
        };
        var map = new Dictionary<char, char>();
        foreach (var (plain, variants) in groups)
            foreach (var v in variants) map[v] = plain;
        return map;
    }
}
