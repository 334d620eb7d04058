namespace Bot.Faq;

/// <summary>The indexed terms of one item, for measuring how much of a question it covers.</summary>
internal sealed record ItemTerms(HashSet<string> Questions, HashSet<string> QuestionPairs, HashSet<string> Body, HashSet<string> BodyPairs, HashSet<string>[] Phrasings);

/// <summary>A question as searched: folded words (typos corrected), which were corrected, their pairs, the plans named.</summary>
internal sealed record QueryWords(IReadOnlyList<string> Words, bool[] Corrected, IReadOnlyList<string> Pairs, IReadOnlySet<string> Plans);

/// <summary>
/// How much of a question an item covers, 0..1: the share of the question's words found in the item, each word
/// weighted by how rare it is in the index (IDF; a word the index has never seen weighs the most, so "giá vàng"
/// drags an answer down). A word counts fully when it is matched together with a neighbour (the syllable pair,
/// i.e. usually the whole Vietnamese word), half when only the lone syllable matches ("thủ" of "thủ đô" in
/// "thủ tướng"). Unlike raw BM25 this is comparable across questions, so fixed thresholds can decide.
/// </summary>
internal sealed class MatchConfidence
{
    // Measured on bench/faq-eval.yaml; see docs/faq.md.
    private const double BodyMatch = 0.8;         // found only in the answer text, not in any phrasing
    private const double LoneSyllable = 0.5;      // matched, but not as part of a matched pair
    private const double CorrectedMatch = 0.8;    // matched after a typo correction
    private const double OtherPlanPenalty = 0.30; // the question names a plan, the item is about another
    private const double NotDefaultPenalty = 0.08;// the question names no plan: it is about the default (national) one
    private const double PhrasingShare = 0.3;     // weight of "how much of the closest phrasing the question says"

    private readonly ItemTerms[] _items;
    private readonly Dictionary<string, int> _frequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _weights = new(StringComparer.Ordinal);
    private readonly double _unknownWeight;

    public MatchConfidence(ItemTerms[] items)
    {
        _items = items;
        foreach (var item in items)
            foreach (var term in item.Questions.Union(item.Body))
                _frequency[term] = _frequency.GetValueOrDefault(term) + 1;
        _unknownWeight = Idf(0);
        foreach (var (term, frequency) in _frequency) _weights[term] = Weight(term, frequency);
    }

    public bool Knows(string word) => _frequency.ContainsKey(word);

    public int Frequency(string word) => _frequency.GetValueOrDefault(word);

    public double Of(int ord, FaqItem item, QueryWords query, string defaultPlan)
    {
        var terms = _items[ord];
        double covered = 0, total = 0;
        for (var i = 0; i < query.Words.Count; i++)
        {
            var word = query.Words[i];
            var weight = Weight(word);
            var lone = terms.Questions.Contains(word) ? 1 : terms.Body.Contains(word) ? BodyMatch : 0;
            var score = lone;
            // A number stands alone ("đợt 1", "năm 2021"): no pair is expected around it.
            if (query.Words.Count > 1 && !char.IsDigit(word[0]))
            {
                var left = i > 0 ? Pair(terms, query.Pairs[i - 1]) : 0;
                var right = i < query.Pairs.Count ? Pair(terms, query.Pairs[i]) : 0;
                score = Math.Max(Math.Max(left, right), lone * LoneSyllable);
            }
            if (query.Corrected[i]) score *= CorrectedMatch;
            covered += weight * score;
            total += weight;
        }
        var coverage = total > 0 ? covered / total : 0;
        var confidence = (1 - PhrasingShare) * coverage + PhrasingShare * ClosestPhrasing(terms, query);
        if (item.PlanId is { } plan)
        {
            if (query.Plans.Count > 0 && !query.Plans.Contains(plan)) confidence -= OtherPlanPenalty;
            else if (query.Plans.Count == 0 && plan != defaultPlan) confidence -= NotDefaultPenalty;
        }
        return Math.Clamp(confidence, 0, 1);
    }

    /// <summary>
    /// The share of the closest phrasing (IDF-weighted) that the question contains: among items covering the question
    /// alike, the one with a phrasing the member nearly repeated is the one meant.
    /// </summary>
    private double ClosestPhrasing(ItemTerms terms, QueryWords query)
    {
        var best = 0.0;
        foreach (var phrasing in terms.Phrasings)
        {
            double found = 0, total = 0;
            foreach (var word in phrasing)
            {
                var weight = Weight(word);
                total += weight;
                if (query.Words.Contains(word)) found += weight;
            }
            if (total > 0) best = Math.Max(best, found / total);
        }
        return best;
    }

    private static double Pair(ItemTerms terms, string pair) =>
        terms.QuestionPairs.Contains(pair) ? 1 : terms.BodyPairs.Contains(pair) ? BodyMatch : 0;

    /// <summary>
    /// IDF; numbers weigh at least as much as a rare word, because "đợt 1" and "đợt 2" (or a year the plans do not
    /// cover) are different questions however common the digit is.
    /// </summary>
    private double Weight(string word) => _weights.TryGetValue(word, out var weight) ? weight : Weight(word, 0);

    private double Weight(string word, int frequency)
    {
        var idf = Idf(frequency);
        return char.IsDigit(word[0]) ? Math.Max(idf, 0.75 * _unknownWeight) : idf;
    }

    private double Idf(int frequency) => Math.Log(1 + (_items.Length - frequency + 0.5) / (frequency + 0.5));
}
