using Bot.Builder.Dialogs;
using Bot.Builder.Prompts;
using Bot.Movements;

namespace Bot.Broadcasts.Dialogs;

/// <summary>/phatdong (/kickoff): pick a plan and one of its phases; the kickoff is composed from the plan file.</summary>
public sealed class LaunchKickoffDialog : BroadcastFlow
{
    private const string PlanPrompt = "broadcast.plan";
    private const string PhasePrompt = "broadcast.phase";

    public LaunchKickoffDialog(BroadcastFlowServices services) : base(nameof(LaunchKickoffDialog), services)
    {
        AddDialog(new ChoicePrompt(PlanPrompt));
        AddDialog(new ChoicePrompt(PhasePrompt));
        AddSteps(AskPlan, AskPhase, KeepPhase);
    }

    private async Task<DialogTurnResult> AskPlan(WaterfallStepContext<BroadcastDraft> step, CancellationToken ct)
    {
        var plans = Services.Content.Plans.Where(p => p.Phases.Count > 0).ToList();
        if (!step.IsBack && step.Values.PlanId is { } given && plans.Any(p => p.Id == given)) return await step.NextAsync(null, ct);
        var lang = await Say.LanguageAsync(step.Context, ct);
        if (plans.Count == 0)
        {
            await Say.SendAsync(step.Context, "broadcast.no-phases-anywhere");
            return await step.EndDialogAsync(null, ct);
        }
        return await step.PromptAsync(PlanPrompt, new PromptOptions
        {
            Prompt = Say.Texts.Get(lang, "broadcast.pick-plan"),
            RetryPrompt = Say.Texts.Get(lang, "broadcast.retry-choice"),
            GiveUpPrompt = GiveUp(lang, step.Values),
            Choices = [.. plans.Select(p => new Choice(p.Id, p.Title.For(lang)))],
        }, ct);
    }

    private async Task<DialogTurnResult> AskPhase(WaterfallStepContext<BroadcastDraft> step, CancellationToken ct)
    {
        if ((step.Result as Choice)?.Value is { } planId && planId != step.Values.PlanId)
        {
            step.Values.PlanId = planId;
            step.Values.PhaseId = null;
        }
        var plan = Services.Content.FindPlan(step.Values.PlanId!)!;
        if (!step.IsBack && step.Values.PhaseId is { } given && plan.Phases.Any(p => p.Id == given)) return await step.NextAsync(null, ct);
        var lang = await Say.LanguageAsync(step.Context, ct);
        return await step.PromptAsync(PhasePrompt, new PromptOptions
        {
            Prompt = Say.Texts.Get(lang, "broadcast.pick-phase", ("plan", plan.Title.For(lang))),
            RetryPrompt = Say.Texts.Get(lang, "broadcast.retry-choice"),
            GiveUpPrompt = GiveUp(lang, step.Values),
            Choices = [.. plan.Phases.Select(p => new Choice(p.Id, Say.Texts.Get(lang, "broadcast.phase-choice",
                ("phase", p.Name.For(lang)), ("start", PlanFormat.Date(p.Start)), ("end", PlanFormat.Date(p.End)))))],
        }, ct);
    }

    private async Task<DialogTurnResult> KeepPhase(WaterfallStepContext<BroadcastDraft> step, CancellationToken ct)
    {
        if ((step.Result as Choice)?.Value is { } phaseId) step.Values.PhaseId = phaseId;
        return await step.NextAsync(null, ct);
    }
}
