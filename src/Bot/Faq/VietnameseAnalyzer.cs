using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;

namespace Bot.Faq;

/// <summary>The index fields. Each text is indexed three ways: folded syllables, folded syllable pairs, and as typed.</summary>
public static class FaqFields
{
    public const string Id = "id";
    public const string Questions = "q";
    public const string QuestionPairs = "q2";
    public const string QuestionsExact = "qx";
    public const string Body = "a";
    public const string BodyPairs = "a2";

    /// <summary>Every folded word of an item, not searched: the dictionary typo correction looks words up in.</summary>
    public const string Vocabulary = "v";

    public static readonly string[] Searched = [Questions, QuestionPairs, QuestionsExact, Body, BodyPairs];

    public static bool IsPairs(string field) => field is QuestionPairs or BodyPairs;
    public static bool IsExact(string field) => field is QuestionsExact;
}

/// <summary>
/// Lucene analysis for Vietnamese after <see cref="TextNormalizer"/>: StandardTokenizer (splits on spaces and
/// punctuation, keeps "2.1"), lower case, then for the folded fields ASCII folding (all precomposed Vietnamese
/// letters, đ→d) plus stripping combining marks, which ASCIIFoldingFilter leaves on decomposed input. The pair
/// fields hold syllable bigrams, because most Vietnamese words are two syllables ("thi đua", "công đoàn").
/// </summary>
public sealed class VietnameseAnalyzer : FaqAnalyzer
{

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        if (FaqFields.IsExact(fieldName)) return new TokenStreamComponents(source, stream);
        return new TokenStreamComponents(source, Finish(fieldName, Folded(stream)));
    }
}
