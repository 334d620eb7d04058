using System.Text;
using System.Text.RegularExpressions;
using Bot.Builder.Recognizers;

namespace Bot.Faq;

/// <summary>What a question asks for, by its question words (dialogs/faq/question-types.yaml).</summary>
public enum QuestionType { Other, When, HowMany, Who, Where }

/// <summary>dialogs/faq/question-types.yaml: the words that make a question a "when", "how many", "who" or "where" one.</summary>
public sealed class QuestionTypesFile
{
    public List<string> When { get; set; } = [];
    public List<string> HowMany { get; set; } = [];
    public List<string> Who { get; set; } = [];
    public List<string> Where { get; set; } = [];

    /// <summary>What a sentence holding each kind of fact looks like, beside its digits (see the file).</summary>
    public FactWords Facts { get; set; } = new();
}

public sealed class FactWords
{
    /// <summary>Followed by a number, a date: "ngày 20", "tháng 7", "July 2020".</summary>
    public List<string> DateWords { get; set; } = [];

    /// <summary>A date in words, anywhere: "từ nay".</summary>
    public List<string> DatePhrases { get; set; } = [];

    public List<string> CountWords { get; set; } = [];

    /// <summary>Followed by a word, a place: "tại Hà Nội".</summary>
    public List<string> PlaceWords { get; set; } = [];
}

/// <summary>
/// The sentence or two of a long passage that hold what was asked: the ones sharing most of the question's words,
/// preferring one that holds a date for "khi nào", a number for "bao nhiêu", a name for "ai". A member asked one
/// thing and should not have to find it in a paragraph; the paragraph stays one tap away.
/// </summary>
public sealed partial class AnswerSentences(QuestionTypesFile types)
{
    private const int ShortEnough = 260;
    private const double TypeBonus = 1.5;

    private readonly HashSet<string> _dateWords = [.. types.Facts.DateWords.Select(VietnameseText.Fold)];
    private readonly string[][] _datePhrases = Phrases(types.Facts.DatePhrases);
    private readonly HashSet<string> _countWords = [.. types.Facts.CountWords.Select(VietnameseText.Fold)];
    private readonly HashSet<string> _placeWords = [.. types.Facts.PlaceWords.Select(VietnameseText.Fold)];

    private readonly (QuestionType Type, string[][] Phrases)[] _types =
    [
        (QuestionType.When, Phrases(types.When)),
        (QuestionType.HowMany, Phrases(types.HowMany)),
        (QuestionType.Who, Phrases(types.Who)),
        (QuestionType.Where, Phrases(types.Where)),
    ];

    public QuestionType TypeOf(string question)
    {
        var words = VietnameseText.Words(question);
        foreach (var (type, phrases) in _types)
            foreach (var phrase in phrases)
                for (var i = 0; i + phrase.Length <= words.Length; i++)
                    if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase)) return type;
        return QuestionType.Other;
    }

    /// <summary>Indexes of the sentences to answer with, in order; null when the whole text is short enough.</summary>
    public int[]? Pick(IReadOnlyList<string> sentences, Func<string, IReadOnlyList<string>> terms, IReadOnlyList<string> questionWords, QuestionType type)
    {
        if (sentences.Count <= 1 || sentences.Sum(s => s.Length) <= ShortEnough) return null;
        var asked = questionWords.ToHashSet(StringComparer.Ordinal);
        var scores = sentences.Select(s => Score(s, terms(s), asked, type)).ToArray();
        var best = Array.IndexOf(scores, scores.Max());
        // The sentence after (or before) often carries the rest: "Đợt 1: từ … đến …" then what to do in it.
        var next = best + 1 < sentences.Count ? best + 1 : -1;
        var withNext = next >= 0 && (sentences[best].Length < 80 || (type != QuestionType.Other && !Holds(sentences[best], type) && Holds(sentences[next], type)));
        return withNext ? [best, next] : [best];
    }

    private double Score(string sentence, IReadOnlyList<string> sentenceTerms, HashSet<string> asked, QuestionType type)
    {
        var shared = sentenceTerms.Distinct(StringComparer.Ordinal).Count(asked.Contains);
        return shared + (Holds(sentence, type) ? TypeBonus : 0);
    }

    public bool Holds(string sentence, QuestionType type)
    {
        if (type == QuestionType.Other) return false;
        var words = VietnameseText.Words(sentence);
        bool Followed(HashSet<string> marks, Func<string, bool> next) =>
            Enumerable.Range(0, words.Length - 1).Any(i => marks.Contains(words[i]) && next(words[i + 1]));
        return type switch
        {
            QuestionType.When => NumericDate().IsMatch(sentence) || Followed(_dateWords, w => char.IsDigit(w[0])) || _datePhrases.Any(p => Contains(words, p)),
            QuestionType.HowMany => sentence.Any(char.IsDigit) || words.Any(_countWords.Contains),
            QuestionType.Who => NamePattern().IsMatch(sentence),
            _ => Followed(_placeWords, w => char.IsLetter(w[0])),
        };
    }

    private static bool Contains(string[] words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Length; i++)
            if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase)) return true;
        return false;
    }

    /// <summary>Sentences of a passage: split after . ! ? … followed by a space and a capital or a quote, not inside "2.1" or "TP.HCM".</summary>
    public static List<string> Split(string text)
    {
        var sentences = new List<string>();
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            sb.Append(text[i]);
            if (text[i] is not ('.' or '!' or '?' or '…') || i + 2 >= text.Length || !char.IsWhiteSpace(text[i + 1])) continue;
            var j = i + 1;
            while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
            if (j < text.Length && (char.IsUpper(text[j]) || text[j] is '"' or '“' or '«' or '(' or '-' or '–'))
            {
                sentences.Add(sb.ToString().Trim());
                sb.Clear();
            }
        }
        if (sb.ToString().Trim() is { Length: > 0 } rest) sentences.Add(rest);
        return sentences;
    }

    private static string[][] Phrases(IEnumerable<string> list) => [.. list.Select(VietnameseText.Words).Where(p => p.Length > 0).OrderByDescending(p => p.Length)];

    // "20/7", "9/4/2021", a year.
    [GeneratedRegex(@"\d{1,2}\s*/\s*\d{1,2}|\b(19|20)\d\d\b")]
    private static partial Regex NumericDate();

    // Two or more capitalised words in a row: a person's or an organisation's name ("Nguyễn Đình Khang", "Tổng Liên đoàn").
    [GeneratedRegex(@"\p{Lu}\p{Ll}*\s+\p{Lu}\p{Ll}*")]
    private static partial Regex NamePattern();

}
