using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Bot.Faq;

/// <summary>
/// Every searched term's BM25 score in every item, read from the Lucene index once when it is built, so a question is
/// scored by adding numbers instead of running a Lucene query.
/// </summary>
/// <remarks>
/// Why: the index never changes and holds a few hundred items, yet a Lucene query of a question's ~50 term clauses
/// cost a third of a question's CPU and most of its allocations (a scorer, postings buffers and a 2,048-bucket table
/// per query). With BM25 the query norm and the coordination factor are 1 and a clause's weight is its boost times the
/// term's IDF, so a query of SHOULD term clauses scores a document as the sum of boost × (the term's score at boost 1),
/// summed in double and rounded to float, as Lucene's BooleanScorer does; hits tie-break by document number, as
/// Lucene's. The scores at boost 1 come from Lucene's own <see cref="BM25Similarity"/> over the index's statistics.
/// A test compares the hits with Lucene's for the same query.
/// </remarks>
internal sealed class TermScores
{
    /// <summary>The documents holding a term and its score in each, at boost 1.</summary>
    internal sealed record Postings(int[] Docs, float[] Scores);

    private readonly Dictionary<(string Field, string Text), Postings> _postings;
    private readonly int _maxDoc;

    // One accumulator per thread: a search touches a few hundred documents and resets just those.
    [ThreadStatic] private static double[]? _sums;
    [ThreadStatic] private static int[]? _touched;

    private TermScores(Dictionary<(string, string), Postings> postings, int maxDoc)
    {
        _postings = postings;
        _maxDoc = maxDoc;
    }

    /// <summary>Reads every term of the given fields; the index must be one segment (<see cref="FaqIndex"/> merges it).</summary>
    public static TermScores Read(IndexSearcher searcher, Similarity similarity, IEnumerable<string> fields)
    {
        var leaf = searcher.IndexReader.Leaves.Single();
        var reader = leaf.AtomicReader;
        var postings = new Dictionary<(string, string), Postings>();
        var docs = new List<int>();
        var scores = new List<float>();
        foreach (var field in fields)
        {
            if (reader.GetTerms(field) is not { } terms) continue;
            var collection = searcher.CollectionStatistics(field);
            var each = terms.GetEnumerator();
            DocsEnum? reuse = null;
            while (each.MoveNext())
            {
                var term = BytesRef.DeepCopyOf(each.Term);
                var weight = similarity.ComputeWeight(1f, collection, new TermStatistics(term, each.DocFreq, each.TotalTermFreq));
                weight.Normalize(1f, 1f);
                var scorer = similarity.GetSimScorer(weight, leaf);
                reuse = each.Docs(reader.LiveDocs, reuse, DocsFlags.FREQS);
                docs.Clear();
                scores.Clear();
                for (var doc = reuse.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = reuse.NextDoc())
                {
                    docs.Add(doc);
                    scores.Add(scorer.Score(doc, reuse.Freq));
                }
                postings[(field, term.Utf8ToString())] = new Postings([.. docs], [.. scores]);
            }
        }
        return new TermScores(postings, reader.MaxDoc);
    }

    public bool Has(string field, string text) => _postings.ContainsKey((field, text));

    public Postings? Of(string field, string text) => _postings.GetValueOrDefault((field, text));

    /// <summary>The best <paramref name="max"/> documents for the clauses, highest score first, then lowest document number.</summary>
    public (int Doc, float Score)[] Search(IReadOnlyList<(Postings Postings, float Boost)> clauses, int max)
    {
        var sums = _sums is { } s && s.Length >= _maxDoc ? s : _sums = new double[_maxDoc];
        var touched = _touched is { } t && t.Length >= _maxDoc ? t : _touched = new int[_maxDoc];
        var count = 0;
        foreach (var (postings, boost) in clauses)
            for (var i = 0; i < postings.Docs.Length; i++)
            {
                var doc = postings.Docs[i];
                if (sums[doc] == 0) touched[count++] = doc;
                // Lucene's clause score: the term's weight (IDF × boost) times its frequency part, as a float.
                sums[doc] += boost * postings.Scores[i];
            }
        var hits = new (int Doc, float Score)[count];
        for (var i = 0; i < count; i++)
        {
            hits[i] = (touched[i], (float)sums[touched[i]]);
            sums[touched[i]] = 0;
        }
        Array.Sort(hits, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc));
        return hits.Length <= max ? hits : hits[..max];
    }
}
