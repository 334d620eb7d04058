using Bot.Conversations;

namespace Bot.Faq;

/// <summary>
/// Puts an FAQ decision into words: the answer with its source, "Ý bạn là…?" with the candidates as choices, or a
/// polite refusal with what the bot can help with. Answers are in the member's language.
/// </summary>
public sealed class FaqResponder(FaqLibrary library, Say say, Menu menu, ILogger<FaqResponder> logger)
{
    /// <summary>The value of a "did you mean" choice: routed back through /hoi, so buttons, numbers and labels all work.</summary>
    public static string ChoiceValue(FaqItem item) => $"/hoi #{item.Id}";

    public async Task AnswerAsync(ITurnContext turn, string question, CancellationToken cancellationToken)
    {
        var match = library.Ask(question);
        var best = match.Candidates.Count > 0 ? match.Candidates[0] : null;
        logger.LogInformation("FAQ {Outcome}: {Item} ({Confidence:0.00}) for a {Length}-character question",
            match.Outcome, best?.Item.Id ?? "-", best?.Confidence ?? 0, question.Length);
        var language = await say.LanguageAsync(turn, cancellationToken);
        switch (match.Outcome)
        {
            case FaqOutcome.Answer:
                await turn.SendAsync(Render(match.Items[0], language), cancellationToken);
                break;
            case FaqOutcome.DidYouMean:
                var choices = match.Items.Select(i => new Choice(ChoiceValue(i), i.Label.For(language))).ToList();
                await say.SendAsync(turn, "faq.did-you-mean", choices);
                break;
            default:
                await menu.ShowAsync(turn, "faq.declined");
                break;
        }
    }

    /// <summary>Answers the item a "did you mean" choice named; after a content reload it may be gone.</summary>
    public async Task AnswerItemAsync(ITurnContext turn, string id, CancellationToken cancellationToken)
    {
        if (library.Find(id) is not { } item)
        {
            await say.SendAsync(turn, "faq.item-gone");
            return;
        }
        await turn.SendAsync(Render(item, await say.LanguageAsync(turn, cancellationToken)), cancellationToken);
    }

    private string Render(FaqItem item, string language) => item.Kind == FaqItemKind.Entry
        ? say.Texts.Get(language, "faq.answer", ("answer", item.Answer.For(language)), ("source", item.Source.For(language)))
        : say.Texts.Get(language, "faq.passage-answer",
            ("heading", item.Heading?.For(language)), ("text", item.Answer.For(language)),
            ("document", item.Document?.For(language)), ("section", item.Source.For(language)));
}
