using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Builder.Recognizers;

namespace Bot.Pledges;

/// <summary>One word (or separator) of a quick registration, with its folded key and its exact lower-case form.</summary>
internal sealed partial record QuickToken(string Text, int Start, int End, string Key, string Lower, bool Exact)
{
    public bool IsWord => Key.Length > 0;
    public bool IsSeparator => !IsWord && Text != ":";
    public bool IsDash => Text is "-" or "–" or "—";
    public bool IsNumber => Text.All(char.IsDigit);
    public bool IsYear => Text.Length == 4 && IsNumber && Text[0] is '1' or '2' && Text[1] is '9' or '0';

    /// <summary>
    /// Words of a message typed with diacritics must match exactly ("Nam" is not "năm", "bạn" not the unit word "ban");
    /// a message typed without them is matched folded. Upper-case abbreviations ("LĐTT") and a lone "đ" ("lđtt", "đk") do not decide.
    /// </summary>
    public static List<QuickToken> Split(string text)
    {
        var matches = TokenPattern().Matches(text);
        var exact = matches.Any(m => m.Value.Any(char.IsLower) && HasToneOrVowelMarks(m.Value));
        return [.. matches.Select(m => new QuickToken(m.Value, m.Index, m.Index + m.Length, PledgeText.Key(m.Value), LowerOf(m.Value), exact))];
    }

    /// <summary>The words of a vocabulary phrase: (folded key, exact lower case) each.</summary>
    public static (string Key, string Lower)[] Words(string phrase) =>
        [.. WordPattern().Matches(phrase.Replace('/', ' ')).Select(m => (PledgeText.Key(m.Value), LowerOf(m.Value))).Where(w => w.Item1.Length > 0)];

    public bool Matches((string Key, string Lower) word) => Exact || Marked ? Lower == word.Lower : Key == word.Key;

    private bool Marked { get; } = HasToneOrVowelMarks(Text);

    // "đ" alone does not count: members who type without tones still write "lđtt", "đk".
    private static bool HasToneOrVowelMarks(string word) => VietnameseText.HasDiacritics(word.Replace('đ', 'd').Replace('Đ', 'D'));

    /// <summary>"tran" → "Tran", "TRẦN" → "Trần": names are written back in proper case.</summary>
    public static string ProperCase(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..].ToLower(CultureInfo.InvariantCulture);

    /// <summary>Capitalises the first letter of every word, keeping the rest as typed ("tổ điện" → "Tổ Điện", "CĐCS" stays).</summary>
    public static string CapitaliseWords(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
            sb.Append(i == 0 || char.IsWhiteSpace(text[i - 1]) ? char.ToUpper(text[i], CultureInfo.InvariantCulture) : text[i]);
        return sb.ToString();
    }

    private static string LowerOf(string text) => text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture);

    // Words (so "tỉnh/bộ" and "CSTĐ-CS" are two words each, as their spellings are), separators (a full stop
    // only before a space or the end, and not after a short abbreviation: "P. Kế toán", "Cty. CP"), a colon,
    // and a dash between spaces.
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+|[,;|\n:]|(?<![^\p{L}\p{M}][\p{L}\p{M}]{1,3}|^[\p{L}\p{M}]{1,3})\.(?=\s|$)|(?<=\s)[-–—](?=\s)")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+")]
    private static partial Regex WordPattern();
}

/// <summary>A list of phrases from dialogs/pledge/ matched word by word at a position (the longest wins).</summary>
internal sealed class PhraseList
{
    // By the folded key of the first word, longest first: a lookup per position instead of a scan of every phrase.
    private readonly Dictionary<string, (string Key, string Lower)[][]> _byFirst;

    public PhraseList(IEnumerable<string> phrases) =>
        _byFirst = phrases.Select(QuickToken.Words).Where(w => w.Length > 0).GroupBy(w => w[0].Key)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray());

    /// <summary>The number of words of the longest phrase starting at <paramref name="at"/>, or 0.</summary>
    public int Longest(IReadOnlyList<QuickToken> words, int at)
    {
        if (at >= words.Count || !_byFirst.TryGetValue(words[at].Key, out var candidates)) return 0;
        foreach (var phrase in candidates)
        {
            if (at + phrase.Length > words.Count) continue;
            var all = true;
            for (var k = 0; k < phrase.Length && all; k++) all = words[at + k].Matches(phrase[k]);
            if (all) return phrase.Length;
        }
        return 0;
    }

    public bool ContainsAnywhere(IReadOnlyList<QuickToken> words) => Enumerable.Range(0, words.Count).Any(i => Longest(words, i) > 0);
}
