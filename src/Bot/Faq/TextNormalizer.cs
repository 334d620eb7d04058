using System.Text;
using Bot.Builder.Recognizers;

namespace Bot.Faq;

/// <summary>A question (or an indexed text) rewritten into the words the index is built from.</summary>
/// <param name="Text">Lower-case words separated by spaces, diacritics kept where typed.</param>
/// <param name="Plans">The plans the text names ("quảng trị" → quang-tri-2021).</param>
public sealed record NormalizedText(string Text, IReadOnlySet<string> Plans);

/// <summary>
/// Rewrites text before Lucene tokenises it, with the map in dialogs/faq/synonyms.yaml. Abbreviations are
/// expanded here rather than by a token filter because Lucene 4.8 has no SynonymGraphFilter: multi-word
/// expansions from SynonymFilter interleave with the next tokens and spoil the bigrams. The same rewriting is
/// applied to the indexed text, so both sides meet in one vocabulary: "CĐCS" and "công đoàn cơ sở" both become
/// "cđcs công đoàn cơ sở".
/// </summary>
public sealed partial class TextNormalizer
{
    private enum Kind { Abbreviation, Replace, Drop }

    private sealed record Rule(Kind Kind, string[] Words);

    // Folded keys ("ldg lđst" and "ldg-ldst" both become "ldg ldst"); exact keys only for variants that differ by
    // diacritics alone ("hoá" → "hóa"), which folding cannot tell apart.
    private readonly Dictionary<string, Rule> _folded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Rule> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _numbersExact = new(StringComparer.Ordinal);
    private readonly HashSet<string> _numberBefore;
    private readonly HashSet<string> _numberAfter;
    private readonly List<(string Plan, string[] Name)> _planNames = [];
    // For each folded first word of a key of several words, how many words its longest key has: most words begin no
    // key, and a question's words were each joined with up to seven followers to be looked up (round 10).
    private readonly Dictionary<string, int> _longestFrom = new(StringComparer.Ordinal);
    private readonly HashSet<string> _endFillers;

    public TextNormalizer(SynonymFile synonyms)
    {
        foreach (var (key, value) in synonyms.Abbreviations)
        {
            Add(_folded, Key(key), new Rule(Kind.Abbreviation, Split(value)));
            AbbreviationWords.UnionWith(Key(key).Split(' '));
        }
        foreach (var (key, value) in synonyms.Variants)
        {
            var rule = new Rule(Kind.Replace, Split(value));
            if (Key(key) == Key(value)) Add(_exact, string.Join(' ', Split(key)), rule);
            else Add(_folded, Key(key), rule);
        }
        foreach (var filler in synonyms.Fillers)
        {
            // "bạn" is a filler but "ban" is in "ban hành": a one-word filler typed with marks only matches as typed.
            var words = Split(filler);
            if (words.Length == 1 && VietnameseText.HasDiacritics(filler))
            {
                Add(_exact, words[0], new Rule(Kind.Drop, []));
                MarkedFillers.Add(VietnameseText.Fold(words[0]));
            }
            else Add(_folded, Key(filler), new Rule(Kind.Drop, []));
        }
        foreach (var (word, digits) in synonyms.Numbers)
        {
            _numbers.TryAdd(Key(word), digits.Trim());
            _numbersExact.TryAdd(string.Join(' ', Split(word)), digits.Trim());
        }
        _endFillers = [.. synonyms.EndFillers.Select(Key)];
        _numberBefore = [.. synonyms.NumberContext.Before.Select(Key)];
        _numberAfter = [.. synonyms.NumberContext.After.Select(Key)];
        foreach (var (plan, names) in synonyms.Plans)
            foreach (var name in names.Names) _planNames.Add((plan, Key(name).Split(' ')));
        foreach (var key in _folded.Keys.Concat(_exact.Keys).Where(k => k.Contains(' ')))
        {
            var first = VietnameseText.Fold(key[..key.IndexOf(' ')]);
            _longestFrom[first] = Math.Max(_longestFrom.GetValueOrDefault(first), key.Count(c => c == ' ') + 1);
        }
    }

    /// <summary>
    /// One-word fillers typed with marks ("giúp", "biết", "chào"), folded: dropped only as typed, so the indexed texts
    /// never hold them, while a question typed without marks keeps "giup", "biet" as words no item holds.
    /// </summary>
    public HashSet<string> MarkedFillers { get; } = new(StringComparer.Ordinal);

    /// <summary>The folded words abbreviations are written with ("cdcs", "ldg"): kept next to their expansion, lightly weighted.</summary>
    public HashSet<string> AbbreviationWords { get; } = new(StringComparer.Ordinal);

    public NormalizedText Normalize(string? text)
    {
        var all = Words(JoinDocumentCodes(text));
        while (all.Count > 1 && _endFillers.Contains(VietnameseText.Fold(all[^1]))) all.RemoveAt(all.Count - 1);
        var words = all.ToArray();
        var folded = Array.ConvertAll(words, VietnameseText.Fold);
        var output = new List<string>(words.Length + 8);
        for (var i = 0; i < words.Length;)
        {
            var (rule, length) = Match(words, folded, i);
            if (rule is null)
            {
                output.Add(words[i]);
                i++;
                continue;
            }
            // The abbreviation stays too, as a tie-breaker: "LĐLĐ viết tắt của gì" is about LĐLĐ, not TLĐ, though
            // "liên đoàn lao động" is part of both expansions.
            if (rule.Kind == Kind.Abbreviation) output.AddRange(words.AsSpan(i, length));
            output.AddRange(rule.Words);
            i += length;
        }
        ConvertNumbers(output, TypedWithDiacritics(words));
        return new NormalizedText(string.Join(' ', output), PlansNamed(output));
    }

    /// <summary>
    /// A document's number ("05-CT/TW", "13/PĐTD-LĐLĐ", "01/NQ-CP") becomes its number and its letters as one word
    /// ("5 cttw"): split into "5 ct tw" it is three common words many documents share (and "TW" would name the national
    /// plan), while "5 cttw" names exactly one document.
    /// </summary>
    private static string? JoinDocumentCodes(string? text) =>
        string.IsNullOrEmpty(text) ? text : SpacedDocumentCode().Replace(DocumentCode().Replace(text, Joined), Joined);

    private static string Joined(System.Text.RegularExpressions.Match m)
    {
        var digits = m.Groups[1].Value.TrimStart('0');
        return $" {(digits.Length > 0 ? digits : "0")} {string.Concat(Words(m.Groups[2].Value).Select(VietnameseText.Fold))} ";
    }

    // Digits, then letter groups joined by "-" or "/" with no space: "05-CT/TW". Not a date ("2/9/1945"), "covid-19",
    // nor a dash between words ("năm 2020 - Công đoàn").
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\p{L}\d])(\d{1,4})[-/](\p{L}[\p{L}&]*(?:[-/]\p{L}[\p{L}&]*)*)")]
    private static partial System.Text.RegularExpressions.Regex DocumentCode();

    // The same code typed on a phone with spaces: "chi thi 05 ct tw", "so 13 pdtd ldld": two or three groups of letters
    // without a vowel after the number ("cụm 5 tp" is one group, a place, not a code).
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\p{L}\d])(\d{1,4})((?:\s+[bcdfghjklmnpqrstvwxzđBCDFGHJKLMNPQRSTVWXZĐ]{1,5}){2,3})(?![\p{L}\d])")]
    private static partial System.Text.RegularExpressions.Regex SpacedDocumentCode();

    private (Rule? Rule, int Length) Match(string[] words, string[] folded, int start)
    {
        for (var n = Math.Min(_longestFrom.GetValueOrDefault(folded[start], 1), words.Length - start); n >= 1; n--)
        {
            if (_exact.TryGetValue(n == 1 ? words[start] : string.Join(' ', words, start, n), out var exact)) return (exact, n);
            if (_folded.TryGetValue(n == 1 ? folded[start] : string.Join(' ', folded, start, n), out var rule)) return (rule, n);
        }
        return (null, 0);
    }

    /// <summary>
    /// Whether the member writes with diacritics: most words that have letters carry marks. One stray mark in an
    /// unaccented question ("nọi dung thu tu") does not make "tu" mean "tự".
    /// </summary>
    public static bool TypedWithDiacritics(string text) => TypedWithDiacritics([.. Words(text)]);

    private static bool TypedWithDiacritics(string[] words)
    {
        int letters = 0, marked = 0;
        foreach (var w in words)
        {
            if (!char.IsLetter(w[0])) continue;
            letters++;
            if (VietnameseText.HasDiacritics(w)) marked++;
        }
        return letters > 0 && marked * 5 >= letters * 2;
    }

    /// <summary>
    /// Lower-case words: letters, digits and combining marks; "2.1" stays one word; "dot1" becomes "dot 1", "5tp" "5 tp".
    /// Everything else separates words.
    /// </summary>
    internal static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text)) return words;
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = char.ToLowerInvariant(text[i]);
            var inWord = char.IsLetterOrDigit(c) || c is >= '\u0300' and <= '\u036F'
                || (c == '.' && sb.Length > 0 && char.IsDigit(sb[^1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]));
            if (inWord)
            {
                // Digits glued to letters ("dot1", "lan9") are two words; so are letters glued to a number ("5tp", "2dot"),
                // but not a unit of one letter ("500k", "2h").
                if (sb.Length > 0 && char.IsDigit(c) != char.IsDigit(sb[^1]) && c != '.' && sb[^1] != '.'
                    && (char.IsLetter(sb[^1]) || (i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                    Flush();
                sb.Append(c);
            }
            else Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            // "01/7/2021" and "1/7/2021" are the same date.
            var start = 0;
            while (start < sb.Length - 1 && sb[start] == '0' && char.IsDigit(sb[start + 1])) start++;
            if (sb.Length > 0) words.Add(sb.ToString(start, sb.Length - start));
            sb.Clear();
        }
    }

    private static string Key(string text) => string.Join(' ', Words(text).Select(VietnameseText.Fold));

    private static string[] Split(string text) => [.. Words(text)];

    private static void Add(Dictionary<string, Rule> table, string key, Rule rule)
    {
        // First one wins: the file lists the specific spellings before the generic ones.
        if (key.Length > 0) table.TryAdd(key, rule);
    }
}
