using Lucene.Net.Index;

namespace Bot.Faq;

/// <summary>
/// The index's vocabulary looked up by its one-edit neighbours, for typo correction: what Lucene's
/// <c>FuzzyQuery(term, maxEdits: 1, prefixLength: 1, maxExpansions: 16, transpositions: true)</c> finds, with the same
/// boosts, without building a Levenshtein automaton for every unknown word.
/// </summary>
/// <remarks>
/// Why: the automata were most of a chat-style question's cost (each unknown word of five letters or more built two).
/// Every term is filed under itself and under each of its forms with one letter after the first deleted; a typed word
/// finds its candidates the same way (a substitution, an insertion, a deletion or a swap of neighbours is one deletion
/// on one side or on both), and each candidate is checked. A test compares the results with Lucene's.
/// </remarks>
internal sealed class FuzzyVocabulary
{
    /// <summary>The most candidates kept, as Lucene's maxExpansions (the best boosts, then the first terms in order).</summary>
    public const int MaxExpansions = 16;

    private readonly Dictionary<string, List<string>> _byKey = new(StringComparer.Ordinal);

    private FuzzyVocabulary() { }

    public static FuzzyVocabulary Read(IndexReader reader, string field)
    {
        var vocabulary = new FuzzyVocabulary();
        foreach (var leaf in reader.Leaves)
        {
            if (leaf.AtomicReader.GetTerms(field) is not { } terms) continue;
            var each = terms.GetEnumerator();
            while (each.MoveNext())
            {
                var term = each.Term.Utf8ToString();
                foreach (var key in Keys(term))
                {
                    if (!vocabulary._byKey.TryGetValue(key, out var list)) vocabulary._byKey[key] = list = [];
                    if (list.Count == 0 || list[^1] != term) list.Add(term);
                }
            }
        }
        return vocabulary;
    }

    /// <summary>The terms within one edit of <paramref name="word"/> that share its first letter, with Lucene's boost (1 − edits / the shorter length).</summary>
    public IEnumerable<(string Term, float Boost)> Near(string word)
    {
        if (word.Length < 2) return [];
        var found = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var key in Keys(word))
            if (_byKey.TryGetValue(key, out var terms))
                foreach (var term in terms)
                    if (!found.ContainsKey(term) && Edits(word.AsSpan(1), term.AsSpan(1)) is var edits and <= 1)
                    {
                        var boost = 1f - (float)edits / Math.Min(term.Length, word.Length);
                        if (boost > 0) found[term] = boost;
                    }
        return found.Select(f => (f.Key, f.Value))
            .OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal)
            .Take(MaxExpansions);
    }

    private static IEnumerable<string> Keys(string term)
    {
        yield return term;
        for (var i = 1; i < term.Length; i++)
            if (i == 1 || term[i] != term[i - 1]) yield return string.Concat(term.AsSpan(0, i), term.AsSpan(i + 1));
    }

    /// <summary>0 or 1 edits (a substitution, an insertion, a deletion or two neighbours swapped); 2 for anything more.</summary>
    private static int Edits(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b)) return 0;
        if (a.Length == b.Length)
        {
            var i = 0;
            while (a[i] == b[i]) i++;
            if (a[(i + 1)..].SequenceEqual(b[(i + 1)..])) return 1;
            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]) ? 1 : 2;
        }
        if (Math.Abs(a.Length - b.Length) != 1) return 2;
        var longer = a.Length > b.Length ? a : b;
        var shorter = a.Length > b.Length ? b : a;
        var j = 0;
        while (j < shorter.Length && longer[j] == shorter[j]) j++;
        return longer[(j + 1)..].SequenceEqual(shorter[j..]) ? 1 : 2;
    }
}
