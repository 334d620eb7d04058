using Bot.Faq;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Bot.Bench.Faq;

/// <summary>
/// The baseline the issue asks for: plain Lucene StandardAnalyzer + BM25 over the same FAQ entries (phrasings and
/// answer in one field), no folding, no synonyms, no thresholds: the best hit is the answer, whatever it is.
/// </summary>
public sealed class Baseline : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly StandardAnalyzer _analyzer = new(LuceneVersion.LUCENE_48);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly string[] _ids;

    public Baseline(IEnumerable<FaqItem> entries)
    {
        var list = entries.ToList();
        _ids = [.. list.Select(e => e.Id)];
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < list.Count; i++)
                writer.AddDocument(new Document
                {
                    new StoredField("ord", i),
                    new TextField("text", string.Join('\n', list[i].Questions) + "\n" + list[i].Body, Field.Store.NO),
                });
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>The id of the best hit, or null when no word of the question is in the index.</summary>
    public string? Best(string question)
    {
        var query = new BooleanQuery();
        using (var stream = _analyzer.GetTokenStream("text", question))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            var seen = new HashSet<string>();
            while (stream.IncrementToken() && seen.Count < 200)
                if (seen.Add(term.ToString())) query.Add(new TermQuery(new Term("text", term.ToString())), Occur.SHOULD);
            stream.End();
        }
        if (query.Clauses.Count == 0) return null;
        var top = _searcher.Search(query, 1);
        return top.ScoreDocs.Length == 0 ? null : _ids[_searcher.Doc(top.ScoreDocs[0].Doc).GetField("ord").GetInt32Value()!.Value];
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
