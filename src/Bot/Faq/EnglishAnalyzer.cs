using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pattern;
using Lucene.Net.Analysis.Shingle;
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
    private static readonly Regex CombiningMarks = new("[\u0300-\u036F]+", RegexOptions.Compiled);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new PatternReplaceFilter(stream, CombiningMarks, "", true);
        stream = new PorterStemFilter(stream);
        stream = new LengthFilter(Version, stream, 1, int.MaxValue);
        if (FaqFields.IsPairs(fieldName))
        {
            var pairs = new ShingleFilter(stream, 2, 2);
            pairs.SetOutputUnigrams(false);
            pairs.SetTokenSeparator(" ");
            stream = pairs;
        }
        return new TokenStreamComponents(source, stream);
    }
}
