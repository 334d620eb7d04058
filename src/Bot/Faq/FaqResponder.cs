using Bot.Content;
using Bot.Conversations;

namespace Bot.Faq;

/// <summary>
/// Puts an FAQ decision into words: the answer with its source, "did you mean" with the candidates as choices, or a
/// polite refusal with what the bot can help with. A question asked in English is answered in English; otherwise in
/// the member's language.
/// </summary>
public sealed class FaqResponder(FaqLibrary library, FaqReplies replies, Say say, Menu menu, Operations.BotMetrics metrics, IEnumerable<IFaqMissObserver> misses, ILogger<FaqResponder> logger)
{
    /// <summary>The value of a "did you mean" choice: routed back through /hoi, so buttons, numbers and labels all work.</summary>
    public static string ChoiceValue(FaqItem item) => $"/hoi #{item.Id}";

    public async Task AnswerAsync(ITurnContext turn, string question, CancellationToken cancellationToken)
    {
        var match = library.Ask(question);
        var best = match.Candidates.Count > 0 ? match.Candidates[0] : null;
        // Every question passes here: Debug, not Information, so a busy bot does not write a line per message.
        logger.LogDebug("FAQ {Outcome} ({Language}): {Item} ({Confidence:0.00}) for a {Length}-character question",
            match.Outcome, match.Language, best?.Item.Id ?? "-", best?.Confidence ?? 0, question.Length);
        metrics.FaqQuestion(match.Outcome, match.Language);
        var language = match.Language == Languages.English ? Languages.English : await say.LanguageAsync(turn, cancellationToken);
        switch (match.Outcome)
        {
            case FaqOutcome.Answer:
                var answer = Render(match.Items[0], language, match);
                if (match.Also.Count > 0)
                    answer = answer with { Choices = [.. answer.Choices, .. match.Also.Select(i => new Choice(ChoiceValue(i), i.Label.For(language)))] };
                await turn.SendAsync(answer, cancellationToken);
                break;
            case FaqOutcome.DidYouMean:
                var choices = match.Items.Select(i => new Choice(ChoiceValue(i), i.Label.For(language))).ToList();
                await turn.SendAsync(new Reply { Text = say.Texts.Get(language, "faq.did-you-mean"), Choices = choices }, cancellationToken);
                break;
            default:
                await turn.SendAsync(new Reply { Text = say.Texts.Get(language, "faq.declined"), Choices = await menu.ChoicesAsync(turn) }, cancellationToken);
                break;
        }
        if (match.Outcome != FaqOutcome.Answer) await TellMissAsync(question, match, cancellationToken);
    }

    private async Task TellMissAsync(string question, FaqMatch match, CancellationToken ct)
    {
        foreach (var observer in misses)
        {
            try
            {
                await observer.OnMissAsync(question, match.Outcome, match.Language, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not record an unanswered question");
            }
        }
    }

    /// <summary>Answers the item a "did you mean" (or "whole passage") choice named; after a content reload it may be gone.</summary>
    public async Task AnswerItemAsync(ITurnContext turn, string id, CancellationToken cancellationToken)
    {
        if (library.Find(id) is not { } item)
        {
            await say.SendAsync(turn, "faq.item-gone");
            return;
        }
        await turn.SendAsync(Render(item, await say.LanguageAsync(turn, cancellationToken), null), cancellationToken);
    }

    private Reply Render(FaqItem item, string language, FaqMatch? match) => replies.Render(library.Engine, item, language, match);
}
