using Bot.Builder.Recognizers;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Bot.Faq;

/// <summary>Building the index: one Lucene document per item, one field value per phrasing, and each item's terms for the confidence.</summary>
public sealed partial class FaqIndex
{
    public static FaqIndex Build(FaqCatalog catalog, int maxQueryWords = 64) => Build(catalog, IndexProfile.Vietnamese(catalog), maxQueryWords);

    public static FaqIndex Build(FaqCatalog catalog, IndexProfile profile, int maxQueryWords = 64)
    {
        var normalizer = profile.Normalizer;
        var analyzer = profile.Analyzer;
        var directory = new RAMDirectory();
        // An item with nothing in this language (no English phrasing or answer) is not searchable in it.
        var items = catalog.Items.Where(i => profile.Questions(i).Count > 0 || profile.Body(i).Length > 0).ToArray();
        var terms = new ItemTerms[items.Length];
        var config = new IndexWriterConfig(FaqAnalyzer.Version, analyzer) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var i = 0; i < items.Length; i++)
            {
                var questions = profile.Questions(items[i]).Where(q => !string.IsNullOrWhiteSpace(q)).Select(q => normalizer.Normalize(q).Text).ToArray();
                var body = normalizer.Normalize(profile.Body(items[i])).Text;
                var doc = new Document { new StringField(FaqFields.Id, i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES) };
                // One field value per phrasing, so syllable pairs never join the end of one phrasing to the next.
                foreach (var q in questions)
                    foreach (var field in new[] { FaqFields.Questions, FaqFields.QuestionPairs, FaqFields.QuestionsExact })
                        Index(doc, field, q);
                Index(doc, FaqFields.Body, body);
                Index(doc, FaqFields.BodyPairs, body);
                terms[i] = new ItemTerms(
                    Terms(FaqFields.Questions, questions), Terms(FaqFields.QuestionPairs, questions),
                    Terms(FaqFields.Body, [body]), Terms(FaqFields.BodyPairs, [body]),
                    [.. questions.Concat(Sentences(items[i], profile, normalizer)).Select(q => Terms(FaqFields.Questions, [q]))])
                {
                    Marked = Terms(FaqFields.QuestionsExact, [.. questions, body]),
                    SentencesFrom = items[i].Extractable ? questions.Length : int.MaxValue,
                    ContextFrom = items[i].Extractable ? questions.Length - items[i].ContextPhrasings : int.MaxValue,
                };
                // Every word the item knows, in one field, for typo correction.
                doc.Add(new TextField(FaqFields.Vocabulary, string.Join(' ', terms[i].Questions.Union(terms[i].Body)), Field.Store.NO));
                writer.AddDocument(doc);
            }
            writer.Commit();
            // One segment: the terms' scores are read from it once (TermScores). A few hundred items flush as one; merging
            // is only for more (ForceMerge rewrites even a lone segment, a sixth of the build).
            using (var written = DirectoryReader.Open(directory))
                if (written.Leaves.Count > 1)
                {
                    writer.ForceMerge(1);
                    writer.Commit();
                }
        }
        return new FaqIndex(catalog, profile, directory, items, new MatchConfidence(terms, profile.QuestionWords, catalog.PlanYears, profile.Language == Bot.Content.Languages.English, profile.Normalizer.MarkedFillers, catalog.QuestionTypes), maxQueryWords);

        static void Index(Document doc, string field, string text) => doc.Add(new TextField(field, text, Field.Store.NO));

        HashSet<string> Terms(string field, IEnumerable<string> texts) =>
            texts.SelectMany(t => analyzer.Terms(field, t)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// A source passage is a whole paragraph: each of its sentences is compared with the question like a phrasing,
    /// so the passage whose one sentence says what was asked ranks above a paragraph that merely shares its words.
    /// </summary>
    private static IEnumerable<string> Sentences(FaqItem item, IndexProfile profile, TextNormalizer normalizer) =>
        item.Extractable ? AnswerSentences.Split(profile.Body(item)).Select(s => normalizer.Normalize(s).Text) : [];
}
