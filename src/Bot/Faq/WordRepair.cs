namespace Bot.Faq;

/// <summary>
/// Puts right the words of a question typed on a phone that the index has never seen, in the order a member's slips
/// are most likely: held keys ("đợtttt"), Telex leftovers ("thif ddua", "dduwowcj"), two syllables typed as one
/// ("thidua", "phatdong"), then one wrong letter. Only unknown words are touched, and a short word is only changed
/// into one that forms a known word pair with a neighbour ("thj đua" → "thi đua"), because a one-edit neighbour of
/// a two- or three-letter syllable is almost always some other real syllable.
/// </summary>
internal sealed class WordRepair(Func<string, bool> knows, Func<string, bool> knownPair, Func<string, int, IEnumerable<string>> similar)
{
    private const int MinAnyContextLength = 5;
    private const int MinLength = 2;
    private const int MaxUnknown = 6;

    private static readonly char[] ToneKeys = ['s', 'f', 'r', 'x', 'j'];

    /// <param name="typedWithMarks">
    /// The member types diacritics: a short word typed with its marks ("xe đạp") is meant as typed, not a slip, so
    /// only longer words get a one-letter repair.
    /// </param>
    public (List<string> Words, List<bool> Corrected) Repair(IReadOnlyList<string> words, bool typedWithMarks = false)
    {
        // A text most of whose words are unknown is not a mistyped question (an essay, another language, an attack):
        // repairing it would only cost time and invent matches.
        if (words.Count(w => !knows(w)) > MaxUnknown) return ([.. words], [.. words.Select(_ => false)]);
        var output = new List<string>(words.Count + 2);
        var corrected = new List<bool>(words.Count + 2);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (knows(word) || char.IsDigit(word[0]) || word.Length < MinLength)
            {
                output.Add(word);
                corrected.Add(false);
                continue;
            }
            // Only words the member typed right vouch for a repair: two guesses side by side ("lúa gạo" → "la lao")
            // would make a pair of their own.
            var left = i > 0 && knows(words[i - 1]) ? words[i - 1] : null;
            var right = i + 1 < words.Count && knows(words[i + 1]) ? words[i + 1] : null;
            if (Fix(word, left, right, typedWithMarks) is { } fix)
            {
                output.AddRange(fix);
                corrected.AddRange(fix.Select(_ => true));
            }
            else
            {
                output.Add(word);
                corrected.Add(false);
            }
        }
        return (output, corrected);
    }

    private string[]? Fix(string word, string? left, string? right, bool typedWithMarks)
    {
        foreach (var candidate in Spellings(word))
            if (knows(candidate)) return [candidate];
        if (Split(word) is { } split) return split;
        if (word.Length < MinAnyContextLength && typedWithMarks) return null;
        var fits = similar(word, 1)
            .Where(c => word.Length >= MinAnyContextLength || Fits(c, left, right))
            .FirstOrDefault();
        return fits is null ? null : [fits];
    }

    // Both neighbours must agree: one known pair alone is too easy to find for a two-letter guess ("xe máy" → "kế máy").
    private bool Fits(string candidate, string? left, string? right) =>
        (left is not null || right is not null)
        && (left is null || knownPair($"{left} {candidate}"))
        && (right is null || knownPair($"{candidate} {right}"));

    /// <summary>"thidua" → "thi dua" when both halves are words and they make a known pair.</summary>
    private string[]? Split(string word)
    {
        for (var k = 1; k < word.Length - 1; k++)
        {
            var (a, b) = (word[..k], word[k..]);
            if (knows(a) && knows(b) && knownPair($"{a} {b}")) return [a, b];
        }
        return null;
    }

    /// <summary>The word without held keys, then without Telex marks: what the member meant to type, folded.</summary>
    internal static IEnumerable<string> Spellings(string word)
    {
        var collapsed = Collapse(word);
        if (collapsed != word) yield return collapsed;
        var telex = Telex(collapsed);
        if (telex != collapsed) yield return telex;
    }

    /// <summary>"dotttt" → "dot", "okkk" → "ok": a letter repeated three or more times, or a doubled final letter.</summary>
    private static string Collapse(string word)
    {
        var sb = new System.Text.StringBuilder(word.Length);
        foreach (var c in word)
            if (sb.Length == 0 || sb[^1] != c || !char.IsLetter(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>
    /// Telex typed without the keyboard converting it: a tone key at the end ("thif", "nawm"), "dd" for đ, doubled
    /// or w-marked vowels ("aa", "ow", "uw"). Folded text has no marks, so dropping the keys gives the folded word.
    /// </summary>
    private static string Telex(string word)
    {
        var w = word;
        if (w.Length > 2 && Array.IndexOf(ToneKeys, w[^1]) >= 0 && w[..^1].Any(IsVowel)) w = w[..^1];
        w = w.Replace("dd", "d", StringComparison.Ordinal)
            .Replace("aa", "a", StringComparison.Ordinal).Replace("ee", "e", StringComparison.Ordinal).Replace("oo", "o", StringComparison.Ordinal)
            .Replace("aw", "a", StringComparison.Ordinal).Replace("ow", "o", StringComparison.Ordinal).Replace("uw", "u", StringComparison.Ordinal);
        if (w.Length > 1 && w[0] != 'w') w = w.Replace("w", "u", StringComparison.Ordinal);
        return w;
    }

    /// <summary>Every lower-case word one deletion, substitution, insertion or swap away (folded letters only).</summary>
    internal static IEnumerable<string> OneEditAway(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            yield return word.Remove(i, 1);
            if (i + 1 < word.Length) yield return string.Concat(word.AsSpan(0, i), word[i + 1].ToString(), word[i].ToString(), word.AsSpan(i + 2));
            for (var c = 'a'; c <= 'z'; c++)
                if (c != word[i]) yield return string.Concat(word.AsSpan(0, i), c.ToString(), word.AsSpan(i + 1));
        }
        for (var i = 0; i <= word.Length; i++)
            for (var c = 'a'; c <= 'z'; c++)
                yield return word.Insert(i, c.ToString());
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
