using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pattern;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Bot.Faq;

/// <summary>The analysis of one language's index: the same fields, each language's own tokens.</summary>
public abstract class FaqAnalyzer() : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly Regex CombiningMarks = new("[\u0300-\u036F]+", RegexOptions.Compiled);

    /// <summary>
    /// ASCII folding (all precomposed Vietnamese letters, đ→d) plus stripping the combining marks that
    /// ASCIIFoldingFilter leaves on decomposed input (a letter followed by its mark).
    /// </summary>
    protected static TokenStream Folded(TokenStream stream) =>
        new PatternReplaceFilter(new ASCIIFoldingFilter(stream), CombiningMarks, "", true);

    /// <summary>The pair fields hold word bigrams ("thi đua", "công đoàn"); the others the words themselves.</summary>
    protected static TokenStream Finish(string fieldName, TokenStream stream)
    {
        stream = new LengthFilter(Version, stream, 1, int.MaxValue);
        if (!FaqFields.IsPairs(fieldName)) return stream;
        var pairs = new ShingleFilter(stream, 2, 2);
        pairs.SetOutputUnigrams(false);
        pairs.SetTokenSeparator(" ");
        return pairs;
    }

    /// <summary>The terms this analyzer makes of a text for a field, in order.</summary>
    public List<string> Terms(string field, string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
