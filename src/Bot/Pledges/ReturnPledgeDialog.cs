using Bot.Builder.Dialogs;
using Bot.Builder.Prompts;
using Bot.Conversations;

namespace Bot.Pledges;

public sealed class ReturnPledgeForm
{
    public int PledgeId { get; set; }

    /// <summary>The version the officer saw (button) or read when asked for the reason: a change meanwhile wins over the return.</summary>
    public long? SeenVersion { get; set; }
}

/// <summary>An officer returns a pledge: asks the reason the member will read, then returns it and tells the member.</summary>
public sealed class ReturnPledgeDialog : ComponentDialog
{
    private const string ReasonPrompt = "pledge.return-reason";
    private readonly PledgeReview _review;
    private readonly Say _say;

    public ReturnPledgeDialog(PledgeReview review, Say say) : base(nameof(ReturnPledgeDialog))
    {
        (_review, _say) = (review, say);
        AddDialog(new WaterfallDialog<ReturnPledgeForm>("pledge.return-steps", [AskReason, ReturnIt]));
        AddDialog(new TextPrompt(ReasonPrompt, (p, _) => Task.FromResult(
            p.Recognized.Value is { Length: >= PledgeReview.MinReason and <= PledgeReview.MaxReason } reason && !reason.Any(PledgeInput.IsForbidden))));
    }

    private async Task<DialogTurnResult> AskReason(WaterfallStepContext<ReturnPledgeForm> step, CancellationToken ct)
    {
        if (await _review.ReviewableAsync(step.Context, step.Values.PledgeId, ct) is not { } pledge) return await step.EndDialogAsync(null, ct);
        step.Values.SeenVersion ??= pledge.Version;
        var lang = await _say.LanguageAsync(step.Context, ct);
        return await step.PromptAsync(ReasonPrompt, new PromptOptions
        {
            Prompt = _say.Texts.Get(lang, "pledge-officer.ask-reason", ("id", pledge.Id), ("name", pledge.FullName)),
            RetryPrompt = _say.Texts.Get(lang, "pledge-officer.reason-retry", ("min", PledgeReview.MinReason), ("max", PledgeReview.MaxReason)),
            GiveUpPrompt = _say.Texts.Get(lang, "pledge-officer.reason-give-up", ("id", pledge.Id)),
        }, ct);
    }

    private async Task<DialogTurnResult> ReturnIt(WaterfallStepContext<ReturnPledgeForm> step, CancellationToken ct)
    {
        await _review.ReturnAsync(step.Context, step.Values.PledgeId, (string)step.Result!, step.Values.SeenVersion, ct);
        return await step.EndDialogAsync(null, ct);
    }
}
