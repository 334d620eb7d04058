using Bot.Builder.Recognizers;

namespace Bot.Faq;

/// <summary>
/// The thing a "how many" question counts ("mấy nội dung", "bao nhiêu đợt", "how many phases"). An answer that gives
/// that count says "5 nội dung", "2 phases": a number, or a number word, right before it; "Nội dung 2: …" holds a
/// digit and still does not answer "mấy nội dung".
/// </summary>
public sealed class CountedNoun(QuestionTypesFile types)
{
    private readonly string[][] _asks = [.. types.HowMany.Select(VietnameseText.Words).Where(p => p.Length > 0).OrderByDescending(p => p.Length)];
    private readonly HashSet<string> _countWords = [.. types.Facts.CountWords.Select(VietnameseText.Fold)];

    /// <summary>The first word after "mấy"/"how many", folded; null when the question counts nothing named.</summary>
    public string? Of(string question)
    {
        var words = VietnameseText.Words(question);
        foreach (var ask in _asks)
            for (var i = 0; i + ask.Length < words.Length; i++)
                if (words.AsSpan(i, ask.Length).SequenceEqual(ask) && char.IsLetter(words[i + ask.Length][0])) return words[i + ask.Length];
        return null;
    }

    /// <summary>Whether the text gives a count of <paramref name="noun"/>: "5 nội dung", "hai đợt", "2 phases".</summary>
    public bool IsCountedIn(string text, string noun)
    {
        var words = VietnameseText.Words(text);
        for (var i = 1; i < words.Length; i++)
            if (SameNoun(words[i], noun) && (char.IsDigit(words[i - 1][0]) || _countWords.Contains(words[i - 1]))) return true;
        return false;
    }

    /// <summary>An English noun is counted in its plural ("how many content" asks about "5 contents").</summary>
    private static bool SameNoun(string word, string noun) =>
        word == noun || word == noun + "s" || word == noun + "es" || noun == word + "s";
}
