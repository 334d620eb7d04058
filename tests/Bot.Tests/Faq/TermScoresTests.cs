using Bot.Faq;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Bot.Tests.Faq;

public class TermScoresTests
{
    private static readonly string[] Texts =
    [
        "dot hai bat dau tu ngay mot thang bay",
        "dot mot phat dong thi dua tu nay den thang sau dot mot",
        "thi dua lao dong gioi lao dong sang tao",
        "chu de thi dua nam hai nghin hai mot cua ke hoach thi dua tinh quang tri nam nay va nhung nam sau nua",
        "lao dong tien tien",
        "ngay hoi cong nhan thang nam",
        "thi dua thi dua thi dua",
    ];

    [Theory]
    [InlineData("dot hai bat dau")]
    [InlineData("thi dua lao dong")]
    [InlineData("thang")]
    [InlineData("quang tri chu de thi dua nam nay")]
    [InlineData("khong ai biet")]
    public void AQuestionsHitsAndScoresAreLucenesForTheSameQuery(string question)
    {
        using var directory = new RAMDirectory();
        using var analyzer = new WhitespaceAnalyzer(LuceneVersion.LUCENE_48);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var text in Texts)
                writer.AddDocument([new TextField("q", text, Field.Store.NO), new TextField("a", string.Join(' ', text.Split(' ').Reverse()), Field.Store.NO)]);
            writer.ForceMerge(1);
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var scores = TermScores.Read(searcher, searcher.Similarity, ["q", "a"]);

        // The same clauses both ways: each word in both fields, with different boosts.
        var query = new BooleanQuery();
        var clauses = new List<(TermScores.Postings, float)>();
        foreach (var word in question.Split(' ').Distinct())
            foreach (var (field, boost) in new[] { ("q", 1.0f), ("a", 0.4f) })
                if (scores.Of(field, word) is { } postings)
                {
                    query.Add(new TermQuery(new Term(field, word)) { Boost = boost }, Occur.SHOULD);
                    clauses.Add((postings, boost));
                }

        var lucene = query.Clauses.Count == 0 ? [] : searcher.Search(query, 5).ScoreDocs;
        var ours = scores.Search(clauses, 5);

        Assert.Equal(lucene.Select(h => h.Doc), ours.Select(h => h.Doc));
        foreach (var (theirs, mine) in lucene.Zip(ours))
            Assert.Equal(theirs.Score, mine.Score, 5);
        Assert.Equal(question == "khong ai biet", ours.Length == 0);
    }

    [Fact]
    public void ATermTheFieldDoesNotHoldHasNoPostings()
    {
        using var directory = new RAMDirectory();
        using var analyzer = new WhitespaceAnalyzer(LuceneVersion.LUCENE_48);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)))
            writer.AddDocument([new TextField("q", "dot hai", Field.Store.NO)]);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var scores = TermScores.Read(searcher, searcher.Similarity, ["q", "a"]);

        Assert.True(scores.Has("q", "hai"));
        Assert.False(scores.Has("a", "hai"));
        Assert.Null(scores.Of("q", "ba"));
    }
}
