using Bot.Builder.Recognizers;

namespace Bot.Faq;

/// <summary>What a question asks for (a date, a number, a name, a place), by its question words.</summary>
public sealed partial class AnswerSentences
{
    /// <summary>A question-type phrase, folded and as written in dialogs/faq/question-types.yaml.</summary>
    private sealed record TypePhrase(string[] Folded, string[] Marked);

    public QuestionType TypeOf(string question)
    {
        var words = VietnameseText.Words(question);
        // Typed with diacritics, a word means what its marks say: "dùng máy tính" holds no "mấy", "may" typed bare
        // still may. (Without marks every folded match counts, as before.)
        var marked = TextNormalizer.TypedWithDiacritics(question) && VietnameseText.MarkedWords(question) is var m && m.Length == words.Length ? m : null;
        foreach (var (type, phrases) in _types)
            foreach (var phrase in phrases)
                for (var i = 0; i + phrase.Folded.Length <= words.Length; i++)
                    if (words.AsSpan(i, phrase.Folded.Length).SequenceEqual(phrase.Folded) && (marked is null || MarksAgree(marked, i, phrase)))
                        return Narrow(type, words);
        return QuestionType.Other;
    }

    private static bool MarksAgree(string[] marked, int at, TypePhrase phrase)
    {
        for (var j = 0; j < phrase.Marked.Length; j++)
        {
            var typed = marked[at + j];
            if (VietnameseText.HasDiacritics(typed) && !string.Equals(typed, phrase.Marked[j], StringComparison.Ordinal)) return false;
        }
        return true;
    }

    private QuestionType Narrow(QuestionType type, string[] words) => type switch
    {
        QuestionType.When when _day.Any(p => Contains(words, p)) => QuestionType.Day,
        QuestionType.Who when _person.Any(p => Contains(words, p)) => QuestionType.Person,
        _ => type,
    };

    private static TypePhrase[] TypePhrases(IEnumerable<string> list) =>
        [.. list.Select(p => new TypePhrase(VietnameseText.Words(p), VietnameseText.MarkedWords(p))).Where(p => p.Folded.Length > 0 && p.Folded.Length == p.Marked.Length).OrderByDescending(p => p.Folded.Length)];
}
