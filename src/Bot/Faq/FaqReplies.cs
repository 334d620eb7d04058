using Bot.Content;

namespace Bot.Faq;

/// <summary>
/// An answer as the member reads it: a curated answer with its source; a passage cut to the sentences that hold the
/// asked fact, with the whole passage one choice away; or a plan passage under its heading. Pure, so the benchmark
/// scores exactly what members see.
/// </summary>
public sealed class FaqReplies(Texts texts)
{
    public Reply Render(FaqEngine engine, FaqItem item, string language, FaqMatch? match)
    {
        if (item.Kind == FaqItemKind.Entry)
            return new Reply { Text = texts.Get(language, "faq.answer", ("answer", item.Answer.For(language)), ("source", item.Source.For(language))) };
        if (match is not null && item.Extractable && Short(engine, item, language, match) is { } excerpt)
            return new Reply
            {
                Text = texts.Get(language, "faq-answers.excerpt", ("text", excerpt), ("document", item.Document?.For(language)), ("section", item.Source.For(language))),
                Choices = [new Choice(FaqResponder.ChoiceValue(item), texts.Get(language, "faq-answers.whole-passage"))],
            };
        return new Reply
        {
            Text = texts.Get(language, "faq.passage-answer",
                ("heading", item.Heading?.For(language)), ("text", item.Answer.For(language)),
                ("document", item.Document?.For(language)), ("section", item.Source.For(language))),
        };
    }

    /// <summary>
    /// The sentences of a passage that hold the asked fact, in the answer's language. They are picked in the language
    /// the question was matched in; for the other language the same sentences are taken when both sides have as many.
    /// </summary>
    private static string? Short(FaqEngine engine, FaqItem item, string language, FaqMatch match)
    {
        if (match.Index is not { } index) return null;
        var sentences = AnswerSentences.Split(item.Answer.For(match.Language));
        var words = index.SearchedWords(match.Question);
        var picked = engine.Sentences.Pick(sentences, s => index.Profile.Analyzer.Terms(FaqFields.Body, index.Normalizer.Normalize(s).Text), words, engine.Sentences.TypeOf(match.Question), index.Weight);
        if (picked is null) return null;
        if (language == match.Language) return string.Join(' ', picked.Select(i => sentences[i]));
        var other = AnswerSentences.Split(item.Answer.For(language));
        return other.Count == sentences.Count ? string.Join(' ', picked.Select(i => other[i])) : null;
    }
}
