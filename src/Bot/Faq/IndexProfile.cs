using Bot.Builder.Recognizers;
using Bot.Content;

namespace Bot.Faq;

/// <summary>
/// What differs between the Vietnamese and the English index: how text is normalised and analysed, which side of an
/// item is indexed, and which words only shape a question. The ranking and the confidence are the same for both.
/// </summary>
public sealed record IndexProfile(
    string Language,
    TextNormalizer Normalizer,
    FaqAnalyzer Analyzer,
    Func<FaqItem, IReadOnlyList<string>> Questions,
    Func<FaqItem, string> Body,
    IEnumerable<string> QuestionWords)
{
    public static IndexProfile Vietnamese(FaqCatalog catalog)
    {
        var normalizer = new TextNormalizer(catalog.Synonyms);
        return new(Languages.Vietnamese, normalizer, new VietnameseAnalyzer(), i => i.Questions, i => i.Body,
            catalog.Synonyms.QuestionWords.Select(VietnameseText.Fold).Concat(normalizer.AbbreviationWords));
    }

    /// <summary>
    /// English: stop words and politeness dropped by the normaliser (no gaps in the word pairs), number words made
    /// digits after "phase"/"content", and the plans named in English ("national", "Quang Tri") recognised.
    /// </summary>
    public static IndexProfile English(FaqCatalog catalog)
    {
        var english = catalog.English;
        var synonyms = new SynonymFile
        {
            Numbers = english.Numbers,
            Variants = english.Variants,
            NumberContext = english.NumberContext,
            Fillers = [.. english.Fillers, .. english.StopWords],
            Plans = catalog.Synonyms.Plans.ToDictionary(p => p.Key, p => new PlanNames
            {
                Label = p.Value.Label,
                Names = [.. p.Value.Names, .. english.Plans.GetValueOrDefault(p.Key) ?? []],
            }),
        };
        var analyzer = new EnglishAnalyzer();
        return new(Languages.English, new TextNormalizer(synonyms), analyzer, i => i.QuestionsEn, i => i.BodyEn,
            english.QuestionWords.SelectMany(w => analyzer.Terms(FaqFields.Questions, w)));
    }
}
