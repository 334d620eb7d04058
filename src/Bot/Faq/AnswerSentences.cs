using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Builder.Recognizers;

namespace Bot.Faq;

/// <summary>
/// The sentence or two of a long passage that hold what was asked: the ones sharing most of the question's words,
/// preferring one that holds a date for "khi nào", a number for "bao nhiêu", a name for "ai". A member asked one
/// thing and should not have to find it in a paragraph; the paragraph stays one tap away.
/// </summary>
public sealed partial class AnswerSentences(QuestionTypesFile types)
{
    private const int ShortEnough = 260;
    private const double TypeBonus = 0.25;  // of the question's weight: a sentence holding the asked kind of fact
    private const double PairShare = 0.5;   // two asked words side by side, as in the question
    private const double FocusBoost = 2;    // the words the question asks about (see Focused)
    private const int FocusWords = 2;

    private readonly HashSet<string> _dateWords = [.. types.Facts.DateWords.Select(VietnameseText.Fold)];
    private readonly string[][] _datePhrases = Phrases(types.Facts.DatePhrases);
    private readonly HashSet<string> _countWords = [.. types.Facts.CountWords.Select(VietnameseText.Fold)];
    private readonly HashSet<string> _placeWords = [.. types.Facts.PlaceWords.Select(VietnameseText.Fold)];
    private readonly HashSet<string> _dayWords = [.. types.Facts.DayWords.Select(VietnameseText.Fold)];
    private readonly HashSet<string> _familyNames = [.. types.Facts.FamilyNames.Select(VietnameseText.Fold)];
    private readonly string[][] _personPhrases = Phrases(types.Facts.PersonPhrases);
    private readonly HashSet<string> _focus = [.. types.Focus.Select(VietnameseText.Fold)];
    private readonly HashSet<string> _focusAfter = [.. types.FocusAfter.Select(VietnameseText.Fold)];
    private readonly string[][] _identity = Phrases(types.Identity);
    private readonly HashSet<string> _identityFillers = [.. types.IdentityFillers.SelectMany(VietnameseText.Words)];
    private const int IdentityWords = 6, NameWindow = 8;
    private readonly string[][] _unansweredTopics = Phrases(types.Unanswered.Topics);
    // Phrases, not single words: "bao nhiêu", "thế nào" are two words each.
    private readonly string[][] _asks = Phrases(types.Unanswered.Asks);
    private readonly string[][] _howTo = Phrases(types.Unanswered.HowTo);
    private readonly string[][] _procedures = Phrases(types.Unanswered.Procedures);

    public string UnansweredEntry { get; } = types.Unanswered.Entry;

    public CountedNoun Counted { get; } = new(types);

    /// <summary>
    /// A question about the member's own emulation affairs ("đạt LĐTT cần tiêu chuẩn gì", "ai duyệt bản đăng ký của
    /// em"): the plans do not answer it, but the member deserves to hear that and where to ask, not "I did not
    /// understand". Only questions (a question word or "?"), never an order ("/admin xoá hết đăng ký").
    /// </summary>
    public bool AsksOwnAffairs(string question, string normalized)
    {
        var trimmed = question.TrimStart();
        if (trimmed.StartsWith('/') || UnansweredEntry.Length == 0) return false;
        var words = VietnameseText.Words(question);
        // The normaliser keeps an abbreviation before its expansion ("lập cđ công đoàn"); the phrases are written expanded.
        var expanded = Expanded(normalized);
        var asks = question.Contains('?') || _asks.Any(p => Contains(words, p));
        return asks && _unansweredTopics.Any(p => Contains(words, p) || Contains(expanded, p));
    }

    private static string[] Expanded(string normalized) =>
        [.. VietnameseText.Words(normalized).Where(w => w.Any(IsVowel) || w.Any(char.IsDigit))];

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>"… thế nào", "làm sao để …", "how do I …" about one of the member's own procedures (registering, founding a union).</summary>
    /// <param name="normalized">The question normalised (abbreviations expanded), asked for only when it has a "how" word.</param>
    public bool AsksHowTo(string question, Func<string> normalized)
    {
        var words = VietnameseText.Words(question);
        if (!_howTo.Any(p => Contains(words, p))) return false;
        var expanded = Expanded(normalized());
        return _procedures.Any(p => Contains(words, p) || Contains(expanded, p));
    }

    private readonly string[][] _day = Phrases(types.Day);
    private readonly string[][] _person = Phrases(types.Person);

    private readonly (QuestionType Type, TypePhrase[] Phrases)[] _types =
    [
        (QuestionType.When, TypePhrases(types.When)),
        (QuestionType.HowMany, TypePhrases(types.HowMany)),
        (QuestionType.Who, TypePhrases(types.Who)),
        (QuestionType.Where, TypePhrases(types.Where)),
    ];

    /// <summary>
    /// Indexes of the sentences to answer with, in order; null when the whole text is short enough. A sentence scores
    /// the weight of the question's words it holds (a rare word such as "phiên chợ" says more than "công đoàn", which
    /// every sentence of a union report holds), more when two of them stand together as in the question, and a bonus
    /// when it holds the kind of fact asked for.
    /// </summary>
    private const double CloseSecond = 0.75;

    public int[]? Pick(IReadOnlyList<string> sentences, Func<string, IReadOnlyList<string>> terms, IReadOnlyList<string> questionWords, QuestionType type, Func<string, double>? weight = null)
    {
        if (sentences.Count <= 1 || sentences.Sum(s => s.Length) <= ShortEnough) return null;
        weight ??= _ => 1;
        var asked = questionWords.Distinct(StringComparer.Ordinal).ToDictionary(w => w, weight, StringComparer.Ordinal);
        foreach (var focus in Focused(questionWords)) asked[focus] *= FocusBoost;
        var pairs = questionWords.Zip(questionWords.Skip(1), (a, b) => (a, b)).ToHashSet();
        var total = asked.Values.Sum();
        var scores = sentences.Select(s => Score(s, terms(s), asked, pairs, total, type)).ToArray();
        var best = Array.IndexOf(scores, scores.Max());
        // The sentence after (or before) often carries the rest: "Đợt 1: từ … đến …" then what to do in it.
        var next = best + 1 < sentences.Count ? best + 1 : -1;
        // A next sentence that holds nearly as much of the question goes on with the same thing ("… at Tết 2020. The
        // activities “Tết Sum vầy” … were held"): the two together answer it.
        var withNext = next >= 0 && (sentences[best].Length < 80 || scores[next] >= CloseSecond * scores[best]
            || (type != QuestionType.Other && !Holds(sentences[best], type) && Holds(sentences[next], type)));
        return withNext ? [best, next] : [best];
    }

    /// <summary>
    /// What the question asks about: the two words before "gì", "nào", "mấy" ("phiên chợ gì") or after "ai", "what"
    /// ("ai đọc báo cáo", "what social programmes"). Folded, as searched. (Tried for ranking items too: no gain.)
    /// </summary>
    private HashSet<string> Focused(IReadOnlyList<string> words)
    {
        var focused = new HashSet<string>(StringComparer.Ordinal);
        bool Marker(string w) => _focus.Contains(w) || _focusAfter.Contains(w);
        void Take(int from, int step)
        {
            for (int j = from, taken = 0; j >= 0 && j < words.Count && taken < FocusWords && !Marker(words[j]); j += step)
                if (focused.Add(words[j])) taken++;
        }
        for (var i = 0; i < words.Count; i++)
        {
            if (_focus.Contains(words[i])) Take(i - 1, -1);
            else if (_focusAfter.Contains(words[i])) Take(i + 1, +1);
        }
        return focused;
    }

    private double Score(string sentence, IReadOnlyList<string> sentenceTerms, Dictionary<string, double> asked, HashSet<(string, string)> pairs, double total, QuestionType type)
    {
        if (total <= 0) return 0;
        var shared = sentenceTerms.Distinct(StringComparer.Ordinal).Sum(t => asked.GetValueOrDefault(t));
        var together = 0.0;
        for (var i = 0; i + 1 < sentenceTerms.Count; i++)
            if (pairs.Contains((sentenceTerms[i], sentenceTerms[i + 1]))) together += Math.Min(asked[sentenceTerms[i]], asked[sentenceTerms[i + 1]]);
        return (shared + PairShare * together) / total + (Holds(sentence, type) ? TypeBonus : 0);
    }

    public bool Holds(string sentence, QuestionType type)
    {
        if (type == QuestionType.Other) return false;
        // Every question checks its ten candidates' answers, which never change: each answer is read once per type.
        var known = _held.GetValue(sentence, _ => new sbyte[TypeCount]);
        if (known[(int)type] == 0) known[(int)type] = HoldsUncached(sentence, type) ? (sbyte)1 : (sbyte)-1;
        return known[(int)type] > 0;
    }

    private const int TypeCount = (int)QuestionType.Person + 1;
    private readonly ConditionalWeakTable<string, sbyte[]> _held = new();

    private bool HoldsUncached(string sentence, QuestionType type)
    {
        var words = VietnameseText.Words(sentence);
        bool Followed(HashSet<string> marks, Func<string, bool> next) =>
            Enumerable.Range(0, words.Length - 1).Any(i => marks.Contains(words[i]) && next(words[i + 1]));
        return type switch
        {
            QuestionType.When => NumericDate().IsMatch(sentence) || Followed(_dateWords, w => char.IsDigit(w[0])) || _datePhrases.Any(p => Contains(words, p)),
            QuestionType.HowMany => sentence.Any(char.IsDigit) || words.Any(_countWords.Contains),
            QuestionType.Day => DayDate().IsMatch(sentence) || Followed(_dayWords, w => char.IsDigit(w[0])) || _datePhrases.Any(p => Contains(words, p)),
            QuestionType.Who => NamePattern().IsMatch(sentence),
            QuestionType.Person => NamesPerson(sentence) || _personPhrases.Any(p => Contains(words, p)),
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

    [GeneratedRegex(@"[\p{L}\p{M}\d]+")]
    private static partial Regex Tokens();

    // "20/7", "9/4/2021": a day, not a year alone.
    [GeneratedRegex(@"\d{1,2}\s*/\s*\d{1,2}")]
    private static partial Regex DayDate();

    // "20/7", "9/4/2021", a year.
    [GeneratedRegex(@"\d{1,2}\s*/\s*\d{1,2}|\b(19|20)\d\d\b")]
    private static partial Regex NumericDate();

    // Two or more capitalised words in a row: a person's or an organisation's name ("Nguyễn Đình Khang", "Tổng Liên đoàn").
    [GeneratedRegex(@"\p{Lu}\p{Ll}*\s+\p{Lu}\p{Ll}*")]
    private static partial Regex NamePattern();

}
