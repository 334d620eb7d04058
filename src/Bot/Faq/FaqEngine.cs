using Bot.Content;

namespace Bot.Faq;

/// <summary>
/// Everything a question is matched with, built together from one catalog and swapped whole on a reload: the
/// Vietnamese and English indexes, which of them a question belongs to, the glossary bridge, and small talk.
/// </summary>
public sealed class FaqEngine : IDisposable
{
    private readonly QuestionLanguage _language;
    private readonly GlossaryTranslator _glossary;
    private readonly HashSet<string> _plainWords;

    private FaqEngine(FaqCatalog catalog, int maxQueryWords)
    {
        Catalog = catalog;
        Vietnamese = FaqIndex.Build(catalog, IndexProfile.Vietnamese(catalog), maxQueryWords);
        English = FaqIndex.Build(catalog, IndexProfile.English(catalog), maxQueryWords);
        _language = new QuestionLanguage(Vietnamese, English, catalog.English.Markers,
            catalog.English.Plans.Values.SelectMany(n => n).Concat(catalog.English.Neutral));
        _glossary = new GlossaryTranslator(catalog.Glossary, catalog.English.StopWords.Concat(catalog.English.Fillers).Concat(catalog.English.QuestionWords));
        SmallTalk = new SmallTalk(catalog.SmallTalk, text => Vietnamese.Normalizer.Normalize(text).Text);
        _plainWords = [.. catalog.Synonyms.QuestionWords.Concat(catalog.Synonyms.TopicWords).SelectMany(Bot.Builder.Recognizers.VietnameseText.Words)];
        Sentences = new AnswerSentences(catalog.QuestionTypes);
    }

    public FaqCatalog Catalog { get; }
    public FaqIndex Vietnamese { get; }
    public FaqIndex English { get; }
    public SmallTalk SmallTalk { get; }
    public AnswerSentences Sentences { get; }

    public static FaqEngine Build(FaqCatalog catalog, int maxQueryWords = 64) => new(catalog, maxQueryWords);

    public string LanguageOf(string question) => _language.Of(question);

    /// <summary>
    /// Matches a question in its own language. An English question the English side cannot answer is tried once more
    /// in Vietnamese through the glossary, and that answer is kept only if it is a confident one.
    /// </summary>
    public FaqMatch Ask(string question, FaqOptions options)
    {
        var match = Match(question, options);
        // A member's own affairs (a form, founding a union, their own case) that nothing answers with confidence: the
        // honest answer (the plans do not say; ask your CĐCS) serves better than guesses offered as "did you mean".
        // Asked how to do one of them ("công ty chưa có công đoàn thì lập công đoàn thế nào"), a passage that only
        // mentions the affair ("đẩy mạnh thành lập công đoàn cơ sở") does not answer either; the bot's own entries
        // about registering (no plan) may.
        var unsure = match.Outcome == FaqOutcome.Declined
            || (match.Outcome == FaqOutcome.DidYouMean && match.Candidates[0].Confidence < options.AnswerConfidence)
            || (match.Outcome == FaqOutcome.Answer && match.Candidates[0].Confidence < options.ClearConfidence);
        string? normalized = null;
        string Normalized() => normalized ??= Vietnamese.Normalizer.Normalize(question).Text;
        var passageForHowTo = match.Outcome == FaqOutcome.Answer
            && (match.Items[0].Kind == FaqItemKind.Passage || match.Items[0].PlanId is not null) && Sentences.AsksHowTo(question, Normalized);
        return (unsure || passageForHowTo)
            && Sentences.AsksOwnAffairs(question, Normalized())
            && Find(Sentences.UnansweredEntry) is { } honest
            ? match with { Outcome = FaqOutcome.Answer, Items = [honest], Index = null }
            : match;
    }

    private FaqMatch Match(string question, FaqOptions options)
    {
        var type = Sentences.TypeOf(question);
        var inEnglish = LanguageOf(question) == Languages.English;
        // "khi naof", "bao nhieeu": the question word is found once the words are repaired.
        if (type == QuestionType.Other && !inEnglish)
            type = Sentences.TypeOf(string.Join(' ', Vietnamese.SearchedWords(question)));
        var office = Sentences.Office(question);
        if (!inEnglish) return Topic(FaqMatcher.Match(Vietnamese, question, options, type, Sentences, office), question);
        var english = FaqMatcher.Match(English, question, options, type, Sentences, office);
        if (english.Outcome == FaqOutcome.Answer || _glossary.IsEmpty || !options.GlossaryFallback) return english;
        var translated = _glossary.Translate(question);
        // The office asked about, in the words of the Vietnamese texts ("prime minister" → thủ tướng chính phủ).
        var officeVi = office is null ? null : Bot.Builder.Recognizers.VietnameseText.Words(_glossary.Translate(string.Join(' ', office)));
        var bridged = FaqMatcher.Match(Vietnamese, translated, options, type, Sentences, officeVi is { Length: > 0 } ? officeVi : null);
        return bridged.Outcome == FaqOutcome.Answer || (english.Outcome == FaqOutcome.Declined && bridged.Outcome == FaqOutcome.DidYouMean)
            // Answered in English, but its sentences cannot be picked with the Vietnamese words it was matched by:
            // without the index, the passage is given whole.
            ? bridged with { Language = Languages.English, Index = null }
            : english;
    }

    /// <summary>A plan's name alone is a topic: offering what there is to ask about it beats guessing one answer.</summary>
    private FaqMatch Topic(FaqMatch match, string question) =>
        match.Outcome == FaqOutcome.Answer && match.Candidates.Count > 1 && Vietnamese.Normalizer.OnlyNamesPlans(question, _plainWords)
            ? match with { Outcome = FaqOutcome.DidYouMean, Items = [.. match.Candidates.OrderBy(c => c.Item.Kind == FaqItemKind.Entry ? 0 : 1).Take(3).Select(c => c.Item)] }
            : match;

    public FaqItem? Find(string id) => Vietnamese.Find(id) ?? English.Find(id);

    public void Dispose()
    {
        Vietnamese.Dispose();
        English.Dispose();
    }
}
