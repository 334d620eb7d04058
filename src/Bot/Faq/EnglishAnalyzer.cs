using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;

namespace Bot.Faq;

/// <summary>
/// English analysis for the English side of the index (English phrasings, answers and translated passages):
/// lower case, folding (names keep matching typed with or without diacritics), possessives dropped, Porter stems
/// ("signed" = "sign"), and word pairs for the pair fields. Stop words are dropped before this, by the normaliser
/// (dialogs/faq/english.yaml), so no position gaps spoil the pairs.
/// </summary>
public sealed class EnglishAnalyzer : FaqAnalyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, source);
        stream = Folded(new LowerCaseFilter(Version, stream));
        return new TokenStreamComponents(source, Finish(fieldName, new PorterStemFilter(stream)));
    }
}
