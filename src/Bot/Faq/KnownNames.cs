using System.Text.RegularExpressions;
using Bot.Builder.Recognizers;

namespace Bot.Faq;

/// <summary>
/// Every capitalised word the items' Vietnamese texts hold (names of places, people, bodies, titles, and words that
/// begin a sentence), folded. A question that capitalises a word in mid-sentence that no text ever capitalises names
/// something the documents never name ("thủ đô của Pháp", "lương ở Samsung"): however well its other words match,
/// it is not about the plans. ("Pháp" as a syllable is in "pháp luật", so the word alone does not tell.)
/// </summary>
internal sealed partial class KnownNames
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly TextNormalizer _normalizer;

    public KnownNames(IEnumerable<FaqItem> items, TextNormalizer normalizer)
    {
        _normalizer = normalizer;
        foreach (var item in items)
            foreach (var text in item.Questions.Concat([item.Body, item.Answer.Vi, item.Label.Vi, item.Source.Vi, item.Document?.Vi ?? ""]))
                foreach (Match m in Word().Matches(text))
                    if (char.IsUpper(m.Value[0])) _names.Add(VietnameseText.Fold(m.Value).ToLowerInvariant());
    }

    /// <summary>How many words the question capitalises in mid-sentence that no text names.</summary>
    public int Strangers(string question)
    {
        var count = 0;
        foreach (Match m in Word().Matches(question))
        {
            var word = m.Value;
            // The first word of a sentence is capitalised anyway; a word in capitals is an abbreviation or shouting.
            if (!char.IsUpper(word[0]) || word.Length < 2 || word.All(char.IsUpper) || StartsSentence(question, m.Index)) continue;
            var folded = VietnameseText.Fold(word).ToLowerInvariant();
            if (_names.Contains(folded)) continue;
            // A word the tables rewrite ("Ad", "Mn", "Tp") is chat shorthand, not a name.
            if (VietnameseText.Fold(_normalizer.Normalize(word.ToLowerInvariant()).Text) != folded) continue;
            count++;
        }
        return count;
    }

    private static bool StartsSentence(string text, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (char.IsWhiteSpace(text[i]) || text[i] is '"' or '“' or '(' or '«' or '\'') continue;
            return text[i] is '.' or '!' or '?' or ':' or '\n' or ';';
        }
        return true;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
