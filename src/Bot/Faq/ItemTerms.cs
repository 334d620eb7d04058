namespace Bot.Faq;

/// <summary>The indexed terms of one item, for measuring how much of a question it covers.</summary>
internal sealed record ItemTerms(HashSet<string> Questions, HashSet<string> QuestionPairs, HashSet<string> Body, HashSet<string> BodyPairs, HashSet<string>[] Phrasings)
{
    /// <summary>
    /// Phrasings from this index on are the sentences of a source passage: the body is what the passage says, so a
    /// word found there counts fully, and a sentence is scored by how much of the question it holds (a long sentence
    /// that holds all of it is an exact answer, however much else it says).
    /// </summary>
    public int SentencesFrom { get; init; } = int.MaxValue;

    /// <summary>Phrasings from this index up to <see cref="SentencesFrom"/> are a source passage's context (its document and section).</summary>
    public int ContextFrom { get; init; } = int.MaxValue;

    public double[] PhrasingWeights { get; set; } = [];

    /// <summary>A source passage's document title and section, which every sentence of it shares.</summary>
    public HashSet<string> Context => _context ??= ContextFrom >= SentencesFrom ? [] : [.. Phrasings[ContextFrom..SentencesFrom].SelectMany(p => p)];

    private HashSet<string>? _context;

    /// <summary>For each word, the phrasings that hold it (in order): a question's words are looked up once, not once per phrasing.</summary>
    public Dictionary<string, int[]> PhrasingsOf => _phrasingsOf ??= Phrasings
        .SelectMany((words, p) => words.Select(w => (w, p)))
        .GroupBy(x => x.w, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(x => x.p).ToArray(), StringComparer.Ordinal);

    private Dictionary<string, int[]>? _phrasingsOf;

    /// <summary>The item's words with their diacritics (lower case), to tell "giám" from the "giảm" a question typed.</summary>
    public HashSet<string> Marked { get; init; } = [];
}

/// <summary>A question as searched: folded words (typos corrected), which were corrected, their pairs, the plans named.</summary>
internal sealed record QueryWords(IReadOnlyList<string> Words, bool[] Corrected, IReadOnlyList<string> Pairs, IReadOnlySet<string> Plans)
{
    /// <summary>For a question typed with diacritics: each folded word's forms as typed, where they carry marks.</summary>
    public IReadOnlyDictionary<string, string[]>? Marked { get; init; }

    internal (List<(string Word, double Weight)> Words, double Total)? Weighted { get; set; }

    /// <summary>Each word's weight, in order: computed for the first candidate, read for the other nine.</summary>
    internal double[]? WordWeights { get; set; }
}
