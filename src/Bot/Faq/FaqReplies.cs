using Bot.Content;

namespace Bot.Faq;

/// <summary>
/// An answer as the member reads it: a curated answer with its source; a passage cut to the sentences that hold the
/// asked fact, with the whole passage one choice away; or a plan passage under its heading. In English the documents'
/// own words come along (<see cref="EnglishOriginals"/>; an excerpt's Vietnamese sentences). Pure, so the benchmark
/// scores exactly what members see.
/// </summary>
public sealed class FaqReplies(Texts texts)
{
    /// <summary>
    /// A whole passage up to this long also shows its Vietnamese wording in English: the names, offices and dates as
    /// the document writes them, which a member takes to the union office (about 1.9k characters with the English at
    /// most, well inside one message). A longer one gives its quoted names in brackets instead.
    /// </summary>
    internal const int ShortPassage = 1000;

    public Reply Render(FaqEngine engine, FaqItem item, string language, FaqMatch? match)
    {
        if (item.Kind == FaqItemKind.Entry)
            return new Reply
            {
                Text = texts.Get(language, "faq.answer", [("answer", Localize(item.Answer, language)), ("source", item.Source.For(language))],
                    ("original", item.VietnameseUnderEnglish ? Vietnamese(item.Answer.For(language), item.Answer.Vi, language) : "")),
            };
        if (match is not null && item.Extractable && Short(engine, item, language, match) is var (excerpt, original))
            return new Reply
            {
                Text = texts.Get(language, "faq-answers.excerpt", [("text", excerpt), ("document", item.Document?.For(language)), ("section", item.Source.For(language))],
                    ("original", Original(excerpt, original, language))),
                Choices = [new Choice(FaqResponder.ChoiceValue(item), texts.Get(language, "faq-answers.whole-passage"))],
            };
        // A short passage shows its Vietnamese whole underneath; a longer one its quoted names in brackets.
        var vietnamese = item.Answer.For(Languages.Vietnamese);
        var whole = vietnamese.Length <= ShortPassage;
        return new Reply
        {
            Text = texts.Get(language, "faq.passage-answer",
                [("heading", item.Heading?.For(language)), ("text", whole ? item.Answer.For(language) : Localize(item.Answer, language)),
                 ("document", item.Document?.For(language)), ("section", item.Source.For(language))],
                ("original", Original(item.Answer.For(language), whole ? vietnamese : null, language))),
        };
    }

    private static string Localize(Localized answer, string language) =>
        language == Languages.English ? EnglishOriginals.WithQuotedOriginals(answer.For(Languages.English), answer.For(Languages.Vietnamese)) : answer.For(language);

    /// <summary>Under an English quotation, the document's Vietnamese sentences, as HTML (nothing in Vietnamese).</summary>
    private string Original(string text, string? original, string language) =>
        language == Languages.English && !string.IsNullOrWhiteSpace(original) && original != text
            ? "\n" + texts.Get(language, "faq-answers.original", ("text", original))
            : "";

    /// <summary>Under an English curated answer, its Vietnamese answer: the names, dates and titles as the documents write them.</summary>
    private string Vietnamese(string text, string vietnamese, string language) =>
        language == Languages.English && !string.IsNullOrWhiteSpace(vietnamese) && vietnamese != text
            ? "\n" + texts.Get(language, "faq-answers.vietnamese", ("text", vietnamese))
            : "";

    /// <summary>
    /// The sentences of a passage that hold the asked fact, in the answer's language and in Vietnamese. They are picked
    /// in the language the question was matched in; for the other language the same sentences are taken when both
    /// sides have as many.
    /// </summary>
    private static (string Text, string? Original)? Short(FaqEngine engine, FaqItem item, string language, FaqMatch match)
    {
        if (match.Index is not { } index) return null;
        var sentences = AnswerSentences.Split(item.Answer.For(match.Language));
        var words = index.SearchedWords(match.Question);
        if (item.PlanId is { } plan) words = index.Normalizer.WithoutPlanName(words, plan);
        var picked = engine.Sentences.Pick(sentences, s => index.Profile.Analyzer.Terms(FaqFields.Body, index.Normalizer.Normalize(s).Text), words, engine.Sentences.TypeOf(match.Question), index.Weight);
        if (picked is null) return null;
        string? Take(string lang)
        {
            if (lang == match.Language) return string.Join(' ', picked.Select(i => sentences[i]));
            var other = AnswerSentences.Split(item.Answer.For(lang));
            if (other.Count == sentences.Count) return string.Join(' ', picked.Select(i => other[i]));
            // The translation split into more or fewer sentences: take, for each picked sentence, the other side's sentence
            // that shares the most names and numbers with it ("Hầu A Lềnh", "20/7" are written alike in both languages).
            var aligned = picked.Select(i => Anchors.Closest(sentences[i], other)).Where(i => i >= 0).Distinct().Order().ToList();
            return aligned.Count > 0 ? string.Join(' ', aligned.Select(i => other[i])) : null;
        }
        return Take(language) is { } text ? (text, Take(Languages.Vietnamese)) : null;
    }
}
