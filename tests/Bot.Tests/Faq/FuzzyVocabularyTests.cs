using Bot.Faq;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Bot.Tests.Faq;

public class FuzzyVocabularyTests
{
    [Fact]
    public void ATypedWordFindsWhatLucenesFuzzyQueryFindsWithTheSameBoosts()
    {
        // The index's own folded vocabulary: real words, with the neighbours typos land between.
        var vocabulary = FaqTestContent.Index.Catalog.Items
            .SelectMany(i => Bot.Builder.Recognizers.VietnameseText.Words(i.Answer.Vi)).Distinct(StringComparer.Ordinal).ToList();
        using var directory = new RAMDirectory();
        using var analyzer = new WhitespaceAnalyzer(LuceneVersion.LUCENE_48);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)))
            writer.AddDocument([new TextField("v", string.Join(' ', vocabulary), Field.Store.NO)]);
        using var reader = DirectoryReader.Open(directory);
        var fuzzy = FuzzyVocabulary.Read(reader, "v");

        var typed = vocabulary.Where(w => w.Length >= 5).Take(300).SelectMany(Typos).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(typed.Count > 1000);
        foreach (var word in typed)
        {
            var lucene = new FuzzyQuery(new Term("v", word), maxEdits: 1, prefixLength: 1, maxExpansions: FuzzyVocabulary.MaxExpansions, transpositions: true)
                .Rewrite(reader) is BooleanQuery q
                ? q.Clauses.Select(c => (TermQuery)c.Query).Select(t => (t.Term.Text, t.Boost)).OrderBy(t => t.Text, StringComparer.Ordinal).ToList()
                : [];
            var ours = fuzzy.Near(word).OrderBy(t => t.Term, StringComparer.Ordinal).ToList();
            Assert.True(lucene.SequenceEqual(ours), $"{word}: Lucene {string.Join(',', lucene)} / ours {string.Join(',', ours)}");
        }
    }

    // One of each typo a phone makes: a letter dropped, doubled, replaced, two swapped; and the word itself.
    private static IEnumerable<string> Typos(string w)
    {
        yield return w;
        for (var i = 1; i < w.Length; i++)
        {
            yield return w.Remove(i, 1);
            yield return w.Insert(i, w[i].ToString());
            yield return w[..i] + (w[i] == 'a' ? 'o' : 'a') + w[(i + 1)..];
            if (i + 1 < w.Length) yield return w[..i] + w[i + 1] + w[i] + w[(i + 2)..];
        }
    }
}
