using Bot.Builder.Recognizers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Bot.Faq;

/// <summary>An item the index found for a question, with how sure the match is (0..1, see <see cref="MatchConfidence"/>).</summary>
public sealed record FaqCandidate(FaqItem Item, double Confidence, float Score);

/// <summary>
/// The Lucene index over every FAQ entry and plan passage, built once in memory from a <see cref="FaqCatalog"/>.
/// Lucene (BM25) finds and ranks the candidates; <see cref="MatchConfidence"/> then says how much of the question
/// each one actually covers, which is comparable across questions where raw BM25 scores are not.
/// Immutable after building, so searches need no locks; a reload builds a new one.
/// </summary>
public sealed partial class FaqIndex : IDisposable
{
    // Field weights: the phrasings members use count more than the answer text, and a matching syllable pair
    // (a whole word, usually) more than a lone syllable.
    private const float QuestionBoost = 1.0f, PairBoost = 1.5f, BodyBoost = 0.4f, BodyPairBoost = 0.6f, ExactBoost = 0.3f;
    private const int Hits = 10;

    // How much Lucene's own ranking counts next to the coverage: a candidate scoring half the best BM25 loses 0.1.
    // BM25 (term frequencies, field lengths) separates items that cover a question equally well.
    private const double RankShare = 0.2;
    private const int MinFuzzyLength = 5;

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly FaqAnalyzer _analyzer;
    private readonly FaqItem[] _items;
    private readonly int[] _itemByDoc;
    private readonly MatchConfidence _confidence;
    private readonly TermScores _scores;
    private readonly FuzzyVocabulary _fuzzy;
    private readonly int _maxQueryWords;
    private readonly WordRepair _repair;
    private readonly DocumentNames _documentNames;

    /// <summary>The capitalised words the items hold, to tell a question that names something no document names (built at first use; a race builds it twice, alike).</summary>
    internal KnownNames Names => _names ??= new KnownNames(_items, Profile.Normalizer);
    private KnownNames? _names;

    private FaqIndex(FaqCatalog catalog, IndexProfile profile, RAMDirectory directory,
        FaqItem[] items, MatchConfidence confidence, int maxQueryWords)
    {
        Catalog = catalog;
        Profile = profile;
        var analyzer = profile.Analyzer;
        _directory = directory;
        _analyzer = analyzer;
        _items = items;
        _confidence = confidence;
        _maxQueryWords = maxQueryWords;
        _documentNames = new DocumentNames(SearchedWords);
        _repair = new WordRepair(w => confidence.Knows(w) || confidence.IsQuestionWord(w), KnownPair, Similar);
        _reader = DirectoryReader.Open(directory);
        // BM25 on both sides: the writer stores norms for it, the searcher scores with it.
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        // Reading stored fields decompresses a whole block per hit; map Lucene doc ids to items once instead.
        _itemByDoc = new int[_reader.MaxDoc];
        for (var doc = 0; doc < _reader.MaxDoc; doc++)
            _itemByDoc[doc] = int.Parse(_reader.Document(doc).Get(FaqFields.Id), System.Globalization.CultureInfo.InvariantCulture);
        // The index never changes: every term's BM25 score in every item is read once, and a question adds them up.
        _scores = TermScores.Read(_searcher, _searcher.Similarity, FaqFields.Searched);
        _fuzzy = FuzzyVocabulary.Read(_reader, FaqFields.Vocabulary);
    }

    public FaqCatalog Catalog { get; }
    public IndexProfile Profile { get; }
    public TextNormalizer Normalizer => Profile.Normalizer;
    public string Language => Profile.Language;
    public int Count => _items.Length;

    public FaqItem? Find(string id) => Array.Find(_items, i => i.Id == id);

    /// <summary>Whether a folded word is in this index's vocabulary.</summary>
    public bool Knows(string word) => _confidence.Knows(word);

    /// <summary>Whether an English word, once stemmed, is in this index's vocabulary.</summary>
    public bool KnowsEnglish(string word) => _analyzer.Terms(FaqFields.Questions, word) is [var stem] && _confidence.Knows(stem);

    /// <summary>How much a searched word says (1 + its IDF over the items; question words little).</summary>
    public double Weight(string word) => _confidence.WordWeight(word);

    /// <summary>The words a question is searched with (normalised, analysed, repaired): what an answer should hold.</summary>
    public IReadOnlyList<string> SearchedWords(string question) => Prepare(question) is var (words, _) ? words.Words : [];

    /// <summary>The plans a question names ("Lai Châu", "Quảng Trị", "Tổng Liên đoàn"), typos repaired.</summary>
    public IReadOnlySet<string> PlansNamed(string question) => Prepare(question) is var (words, _) ? words.Plans : NoPlans;

    private static readonly IReadOnlySet<string> NoPlans = new HashSet<string>();

    /// <summary>Whether the searched words name the document a passage is from ("theo bài sơ kết khối thi đua…").</summary>
    public bool NamesDocument(FaqItem item, IReadOnlyList<string> searched) => _documentNames.Named(item, searched);

    /// <summary>The best candidates for a question, most confident first; empty when nothing in it is searchable.</summary>
    public IReadOnlyList<FaqCandidate> Search(string question, int max = 5) => SearchWithWords(question, max).Candidates;

    /// <summary>The candidates and the words they were searched with (so a caller does not prepare the question twice).</summary>
    public (IReadOnlyList<FaqCandidate> Candidates, IReadOnlyList<string> Words) SearchWithWords(string question, int max = 5)
    {
        if (Prepare(question) is not var (words, query)) return ([], []);
        var hits = _scores.Search(query, Hits);
        var top = hits.Length > 0 ? hits[0].Score : 1;
        return ([.. hits
            .Select(hit => (Ord: _itemByDoc[hit.Doc], hit.Score))
            .Select(h => new FaqCandidate(_items[h.Ord], _confidence.Of(h.Ord, _items[h.Ord], words, Catalog.DefaultPlanId) - RankShare * (1 - h.Score / top), h.Score))
            .OrderByDescending(c => c.Confidence).ThenByDescending(c => c.Score)
            .Take(max)], words.Words);
    }

    /// <summary>For the benchmark: the searched words and, per candidate, what each word contributed.</summary>
    internal IEnumerable<string> Explain(string question, int max = 5)
    {
        if (Prepare(question) is not var (words, query)) yield break;
        yield return "words: " + string.Join(' ', words.Words.Select((w, i) => words.Corrected[i] ? w + "*" : w)) + " | plans: " + string.Join(',', words.Plans);
        foreach (var hit in _scores.Search(query, Hits).Take(max))
        {
            var why = new System.Text.StringBuilder();
            var ord = _itemByDoc[hit.Doc];
            var confidence = _confidence.Explain(ord, _items[ord], words, Catalog.DefaultPlanId, why);
            yield return System.FormattableString.Invariant($"  {_items[ord].Id} conf {confidence:0.00} bm25 {hit.Score:0.0}: {why}");
        }
    }

    // A question is prepared twice in a row (its type is read from its repaired words, then it is searched): the last
    // one per thread is kept, so the second time costs nothing.
    [ThreadStatic] private static (FaqIndex Index, string Question, (QueryWords, List<(TermScores.Postings, float Boost)>)? Prepared)? _lastPrepared;

    /// <summary>The question's words and its query: each searched term's postings with the clause's boost.</summary>
    private (QueryWords Words, List<(TermScores.Postings, float Boost)> Query)? Prepare(string question)
    {
        if (_lastPrepared is { } last && ReferenceEquals(last.Index, this) && string.Equals(last.Question, question, StringComparison.Ordinal))
            return last.Prepared;
        var prepared = PrepareAnew(question);
        _lastPrepared = (this, question, prepared);
        return prepared;
    }

    private (QueryWords Words, List<(TermScores.Postings, float Boost)> Query)? PrepareAnew(string question)
    {
        var normalized = Normalizer.Normalize(question);
        var words = _analyzer.Terms(FaqFields.Questions, normalized.Text);
        // A pasted essay must not reach BooleanQuery's 1,024-clause limit (each word makes up to five clauses).
        if (words.Count > _maxQueryWords) words.RemoveRange(_maxQueryWords, words.Count - _maxQueryWords);
        if (words.Count == 0) return null;

        var (repaired, repairedFlags) = _repair.Repair(words, TextNormalizer.TypedWithDiacritics(question));
        words = repaired;
        var corrected = repairedFlags.ToArray();
        var pairs = words.Zip(words.Skip(1), (a, b) => $"{a} {b}").ToList();

        var query = new List<(TermScores.Postings, float Boost)>();
        foreach (var w in words.Distinct())
        {
            Add(query, FaqFields.Questions, w, QuestionBoost);
            Add(query, FaqFields.Body, w, BodyBoost);
        }
        foreach (var p in pairs.Distinct())
        {
            Add(query, FaqFields.QuestionPairs, p, PairBoost);
            Add(query, FaqFields.BodyPairs, p, BodyPairBoost);
        }
        // Typed with diacritics: the same syllable with the same marks is a better match than one that only folds alike.
        Dictionary<string, string[]>? marked = null;
        if (VietnameseText.HasDiacritics(question))
        {
            var exact = _analyzer.Terms(FaqFields.QuestionsExact, normalized.Text).Take(_maxQueryWords).Distinct().ToList();
            foreach (var x in exact)
                Add(query, FaqFields.QuestionsExact, x, ExactBoost);
            if (TextNormalizer.TypedWithDiacritics(question))
                marked = exact.Where(VietnameseText.HasDiacritics).GroupBy(VietnameseText.Fold, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        }
        // "when", "là gì" alone ask about nothing: question words only shape a question.
        if (query.Count == 0 || words.All(_confidence.IsQuestionWord)) return null;
        // A plan's name typed wrong ("quangr trij", "quangtri") is found once the words are repaired.
        IReadOnlySet<string> plans = corrected.Any(c => c) ? new HashSet<string>(normalized.Plans.Union(Normalizer.PlansNamed(words)), StringComparer.Ordinal) : normalized.Plans;
        return (new QueryWords(words, corrected, pairs, plans) { Marked = marked }, query);
    }

    /// <summary>
    /// A word the index has never seen is probably a typo ("phog", "thưởg"): the closest indexed word within one
    /// edit, as Lucene's fuzzy matching finds it (<see cref="FuzzyVocabulary"/>; the most frequent one on a tie). Only unknown words are corrected,
    /// which keeps searches fast.
    /// </summary>
    private IEnumerable<string> Similar(string word, int edits)
    {
        // Short syllables: the first letter may be the wrong one too ("fua" for "dua"). Spelling out their one-edit
        // neighbours and looking each up is ~20 times cheaper than a fuzzy query over the whole vocabulary.
        if (word.Length < MinFuzzyLength)
            return WordRepair.OneEditAway(word).Where(_confidence.Knows).Distinct(StringComparer.Ordinal)
                .OrderByDescending(_confidence.Frequency).ThenBy(w => w, StringComparer.Ordinal);
        if (edits != 1) throw new ArgumentOutOfRangeException(nameof(edits), "Only one edit is looked up.");
        return _fuzzy.Near(word)
            .OrderByDescending(c => c.Boost).ThenByDescending(c => _confidence.Frequency(c.Term)).ThenBy(c => c.Term, StringComparer.Ordinal)
            .Select(c => c.Term);
    }

    private bool KnownPair(string pair) => _scores.Has(FaqFields.QuestionPairs, pair) || _scores.Has(FaqFields.BodyPairs, pair);

    /// <summary>Only terms the field has: a clause for an absent one can never match.</summary>
    private void Add(List<(TermScores.Postings, float Boost)> query, string field, string text, float boost)
    {
        if (_scores.Of(field, text) is { } postings) query.Add((postings, boost));
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
