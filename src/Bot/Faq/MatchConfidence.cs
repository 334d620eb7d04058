using System.Text;

namespace Bot.Faq;

/// <summary>
/// How well an item matches a question, 0..1, comparable across questions (raw BM25 is not), so fixed thresholds
/// can decide between answering, asking "did you mean" and declining. Two parts:
/// <list type="bullet">
/// <item>coverage: the share of the question's words the item contains, each weighted 1 + IDF, so a word the index has
/// never seen ("giá vàng", "bóng đá") weighs most and drags an off-topic question down. A word counts fully when it
/// matches with a neighbour (the syllable pair, i.e. usually the whole Vietnamese word), half when only the lone
/// syllable does ("thủ" of "thủ đô" found in "thủ tướng"). Question words ("là gì", "bao nhiêu") weigh little:
/// they are rare in plan texts, and by rarity alone would outweigh the topic.</item>
/// <item>phrasing: how close the nearest curated phrasing is (F1 of shared weighted words), which separates items
/// that cover a question alike.</item>
/// </list>
/// Then the plan: a question naming a plan is not answered from another, and one naming none is about the default.
/// </summary>
internal sealed class MatchConfidence
{
    // Chosen with the benchmark (bench/Bot.Bench -- faq); plateaus, not peaks: see docs/faq.md.
    private const double BodyMatch = 0.8;          // found only in the answer text, not in any phrasing
    private const double BodyNumber = 0.5;         // a number only in the answer text: "đợt 1" listed among others
    private const double LoneSyllable = 0.5;       // matched, but not as part of a matched pair
    private const double LoneWord = 0.7;          // the same for an English word
    private const double CorrectedMatch = 0.8;     // matched after a typo correction
    private const double QuestionWordWeight = 0.3; // "là", "gì", "những", "bao nhiêu"...
    private const double PhrasingShare = 0.3;
    private const double OtherPlanPenalty = 0.30;  // the question names a plan, the item is about another
    private const double NotDefaultPenalty = 0.15; // the question names no plan, the item is not about the default one
    private const double OtherNumber = 0.5;        // the question names a number (or year) the item neither mentions nor covers
    private const double OtherMarks = 0.5;         // a lone syllable typed with other marks than the item's ("giảm" for "giám")

    private static readonly char[] Vowels = ['a', 'e', 'i', 'o', 'u', 'y'];
    private readonly ItemTerms[] _items;
    private readonly HashSet<string> _questionWords;
    private readonly IReadOnlyDictionary<string, (int From, int To)> _planYears;
    private readonly Dictionary<string, int> _frequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _weights = new(StringComparer.Ordinal);

    // An English word is a whole word: found without its neighbour it still means what was asked ("monitor" the
    // package), where a lone Vietnamese syllable often belongs to another word ("thủ" of "thủ đô" in "thủ tướng").
    private readonly double _loneSyllable;

    // Words that weigh like question words when no item holds them: one-word fillers typed without their marks.
    private readonly HashSet<string> _lightWhenUnknown;

    // Folded: the words after a number that make it a count of what is asked ("gì", "nào"), and before it ("có", "gồm").
    private readonly HashSet<string> _focus;
    private readonly HashSet<string> _countLeads;

    public MatchConfidence(ItemTerms[] items, IEnumerable<string> questionWords, IReadOnlyDictionary<string, (int From, int To)> planYears, bool wholeWords = false, IEnumerable<string>? lightWhenUnknown = null, QuestionTypesFile? types = null)
    {
        _focus = [.. (types?.Focus ?? []).Select(Bot.Builder.Recognizers.VietnameseText.Fold)];
        _countLeads = [.. (types?.CountLeads ?? []).Select(Bot.Builder.Recognizers.VietnameseText.Fold)];
        _lightWhenUnknown = [.. lightWhenUnknown ?? []];
        _loneSyllable = wholeWords ? LoneWord : LoneSyllable;
        _items = items;
        _planYears = planYears;
        _questionWords = [.. questionWords];
        foreach (var item in items)
            foreach (var term in item.Questions.Union(item.Body))
                _frequency[term] = _frequency.GetValueOrDefault(term) + 1;
        foreach (var (term, frequency) in _frequency) _weights[term] = Weight(term, frequency);
        foreach (var item in items) item.PhrasingWeights = PhrasingWeights(item.Phrasings);
    }

    public bool Knows(string word) => _frequency.ContainsKey(word);

    /// <summary>A question word or an abbreviation as typed ("cđ", "bao"): meant as written, never a typo to repair.</summary>
    public bool IsQuestionWord(string word) => _questionWords.Contains(word);

    /// <summary>
    /// "có 4 chữ gì", "gồm 3 đột phá nào": the member says how many things they ask about, and the text lists them
    /// without the digit ("Trung thành, trách nhiệm, liêm chính, sáng tạo"). Not "đợt 2 làm gì": there the number
    /// names which one.
    /// </summary>
    private bool GivenCount(IReadOnlyList<string> words, int i) =>
        i + 2 < words.Count && char.IsLetter(words[i + 1][0]) && _focus.Contains(words[i + 2])
        && (i == 0 || _countLeads.Contains(words[i - 1]));

    /// <summary>1 + IDF without the floor for numbers: how much a word tells one sentence from another.</summary>
    public double WordWeight(string word)
    {
        var frequency = _frequency.GetValueOrDefault(word);
        return _questionWords.Contains(word) || Shorthand(word, frequency) || Filler(word, frequency) ? QuestionWordWeight : 1 + Idf(frequency);
    }

    public int Frequency(string word) => _frequency.GetValueOrDefault(word);

    public double Of(int ord, FaqItem item, QueryWords query, string defaultPlan) => Explain(ord, item, query, defaultPlan, null);

    /// <summary>The confidence, and (for the benchmark's --explain) what each word contributed.</summary>
    public double Explain(int ord, FaqItem item, QueryWords query, string defaultPlan, StringBuilder? why)
    {
        var terms = _items[ord];
        double covered = 0, total = 0;
        var scores = new Dictionary<string, double>(query.Words.Count, StringComparer.Ordinal);
        var weights = query.WordWeights ??= [.. query.Words.Select(w => Weight(w))];
        for (var i = 0; i < query.Words.Count; i++)
        {
            var word = query.Words[i];
            var weight = weights[i];
            var number = char.IsDigit(word[0]);
            var bodyMatch = terms.SentencesFrom < int.MaxValue ? 1 : BodyMatch;
            var score = terms.Questions.Contains(word) ? 1 : terms.Body.Contains(word) ? (number ? BodyNumber : bodyMatch) : 0;
            // A year stands alone ("thi đua năm 2021" = "thi đua 2021"); a small number belongs to its noun, so
            // "đợt 1" (an ordinal) and "6 nội dung" (a count) are told apart by their pairs.
            var year = number && word.Length >= 4;
            // Typed with its marks, a syllable means what they say: "giảm cân" shares no word with "giám sát cán bộ".
            // Only a lone syllable: in a matched pair the wrong tone is a typo ("phát đọng thi đua").
            var otherMarks = score > 0 && !query.Corrected[i] && query.Marked is { } marked && marked.TryGetValue(word, out var typed)
                && !typed.Any(terms.Marked.Contains) ? OtherMarks : 1;
            if (query.Words.Count > 1 && !year)
            {
                var left = i > 0 ? Pair(terms, query.Pairs[i - 1], bodyMatch) : 0;
                var right = i < query.Pairs.Count ? Pair(terms, query.Pairs[i], bodyMatch) : 0;
                score = Math.Max(Math.Max(left, right), score * _loneSyllable * otherMarks);
            }
            else score *= otherMarks;
            if (query.Corrected[i]) score *= CorrectedMatch;
            covered += weight * score;
            total += weight;
            scores[word] = Math.Max(scores.GetValueOrDefault(word), score);
            why?.Append(FormattableString.Invariant($"{word}:{score:0.#}×{weight:0.0} "));
        }
        var coverage = total > 0 ? covered / total : 0;
        var phrasing = ClosestPhrasing(terms, query, scores);
        var confidence = (1 - PhrasingShare) * coverage + PhrasingShare * phrasing;
        // "Chủ đề thi đua năm 2015", "đợt 3": close in words to an item, but about a number it never mentions (for a
        // year: nor covers), so about something else.
        if (query.Words.Where((w, i) => char.IsDigit(w[0]) && !GivenCount(query.Words, i)).Any(w => !terms.Questions.Contains(w) && !terms.Body.Contains(w) && !(Year(w) is { } y && Covers(item, y))))
            confidence *= OtherNumber;
        if (item.PlanId is { } plan)
        {
            if (query.Plans.Count > 0 && !query.Plans.Contains(plan)) confidence -= OtherPlanPenalty;
            else if (query.Plans.Count == 0 && plan != defaultPlan) confidence -= NotDefaultPenalty;
        }
        why?.Append(FormattableString.Invariant($"| coverage {coverage:0.00} phrasing {phrasing:0.00}"));
        return Math.Clamp(confidence, 0, 1);
    }

    /// <summary>
    /// The F1 of the weighted words shared by the question and its nearest phrasing. A word the coverage found only as a
    /// lone syllable counts less here too (the square root of its coverage score): "giảm cân" shares the syllables
    /// "giam", "can" with "giám sát cán bộ", not the words. (The full score cost too many right answers.)
    /// </summary>
    private double ClosestPhrasing(ItemTerms terms, QueryWords query, Dictionary<string, double> scores)
    {
        var (words, queryTotal) = Distinct(query);
        var count = terms.Phrasings.Length;
        Span<double> shared = count <= 128 ? stackalloc double[count] : new double[count];
        shared.Clear();
        foreach (var (word, weight) in words)
        {
            var share = weight * Math.Sqrt(Math.Min(1, scores.GetValueOrDefault(word, 1)));
            // A passage's context (its document and section) is not a phrasing of its own: it is where each of its sentences
            // stands, so a sentence holds the question's words together with its context ("phương châm khen thưởng" said at
            // "hội nghị cụm 5 thành phố" by "Chủ tịch UBND Hà Nội").
            var inContext = terms.SentencesFrom < count && terms.Context.Contains(word);
            if (inContext)
                for (var p = terms.SentencesFrom; p < count; p++) shared[p] += share;
            if (!terms.PhrasingsOf.TryGetValue(word, out var holding)) continue;
            foreach (var p in holding)
            {
                var sentence = p >= terms.SentencesFrom;
                if ((p >= terms.ContextFrom && !sentence) || (sentence && inContext)) continue;
                shared[p] += share;
            }
        }
        var best = 0.0;
        for (var p = 0; p < count; p++)
            if (shared[p] > 0) best = Math.Max(best, p >= terms.SentencesFrom ? shared[p] / queryTotal : 2 * shared[p] / (terms.PhrasingWeights[p] + queryTotal));
        return best;
    }

    /// <summary>The question's distinct words with their weights, computed once per question, not once per candidate.</summary>
    private (List<(string Word, double Weight)> Words, double Total) Distinct(QueryWords query)
    {
        if (query.Weighted is { } cached) return cached;
        var words = query.Words.Distinct(StringComparer.Ordinal).Select(w => (w, Weight(w))).ToList();
        query.Weighted = (words, words.Sum(w => w.Item2));
        return query.Weighted.Value;
    }

    /// <summary>The total weight of each phrasing, for the F1's denominator.</summary>
    internal double[] PhrasingWeights(IEnumerable<HashSet<string>> phrasings) => [.. phrasings.Select(p => p.Sum(Weight))];

    private bool Covers(FaqItem item, int year) =>
        item.Years.Contains(year) || (item.PlanId is { } plan && _planYears.TryGetValue(plan, out var years) && year >= years.From && year <= years.To);

    private static int? Year(string word) =>
        word.Length == 4 && int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100 ? y : null;

    private static double Pair(ItemTerms terms, string pair, double bodyMatch) =>
        terms.QuestionPairs.Contains(pair) ? 1 : terms.BodyPairs.Contains(pair) ? bodyMatch : 0;

    private double Weight(string word) => _weights.TryGetValue(word, out var weight) ? weight : Weight(word, 0);

    /// <summary>
    /// 1 + IDF. Numbers weigh at least three quarters of an unknown word, because "đợt 1" and "đợt 2" (or a year the
    /// plans do not cover) are different questions however common the digit is.
    /// </summary>
    private double Weight(string word, int frequency)
    {
        if (_questionWords.Contains(word)) return QuestionWordWeight;
        // A word without a vowel is no Vietnamese syllable: when no item contains it, it is chat shorthand the tables do
        // not know ("xd", "qg"), not a topic the plans are silent on, so it weighs like a question word instead of
        // like the rarest word there is. ("xe" in "đăng ký xe máy" is a syllable and keeps its weight.)
        if (Shorthand(word, frequency)) return QuestionWordWeight;
        // "giup", "biet" typed without marks: the filler "giúp" is dropped from every indexed text, so the word is unknown
        // to the index, yet it is a filler, not a topic the plans are silent on.
        if (Filler(word, frequency)) return QuestionWordWeight;
        var weight = 1 + Idf(frequency);
        return char.IsDigit(word[0]) ? Math.Max(weight, 0.75 * (1 + Idf(0))) : weight;
    }

    private bool Filler(string word, int frequency) => frequency == 0 && _lightWhenUnknown.Contains(word);

    private static bool Shorthand(string word, int frequency) => frequency == 0 && !char.IsDigit(word[0]) && word.IndexOfAny(Vowels) < 0;

    private double Idf(int frequency) => Math.Log(1 + (_items.Length - frequency + 0.5) / (frequency + 0.5));
}
