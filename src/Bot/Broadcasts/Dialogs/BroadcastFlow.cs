using Bot.Members;
using Bot.Broadcasts.Audience;
using Bot.Broadcasts.Outbox;
using Bot.Pacing;
using Bot.Builder.Dialogs;
using Bot.Builder.Prompts;
using Bot.Content;
using Bot.Conversations;

namespace Bot.Broadcasts.Dialogs;

/// <summary>What the broadcast dialogs share, in one registration.</summary>
public sealed record BroadcastFlowServices(
    Bot.Conversations.Officers Officers, TurnActors Actors, Say Say, BroadcastService Broadcasts, AudienceResolver Audience, BotContent Content,
    ProgressReporter Reporter, SendPacer Pacer, PlanCalendar Calendar);

/// <summary>
/// The steps every broadcast ends with: pick the audience, see a preview of exactly what recipients get, confirm,
/// and only then store it and start sending (<see cref="BroadcastService"/> does the work). Each derived dialog first
/// collects its message. Every answer is re-checked against the officer list: losing the right mid-way stops the flow.
/// </summary>
public abstract class BroadcastFlow : ComponentDialog
{
    private const string AudiencePrompt = "broadcast.audience";
    private const string AudienceDetailPrompt = "broadcast.audience-detail";
    private const string ConfirmPrompt = "broadcast.confirm";
    private const string Send = "send";
    private const string Discard = "discard";

    protected BroadcastFlow(string id, BroadcastFlowServices services) : base(id)
    {
        Services = services;
        AddDialog(new ChoicePrompt(AudiencePrompt));
        AddDialog(new ChoicePrompt(AudienceDetailPrompt));
        AddDialog(new ChoicePrompt(ConfirmPrompt));
    }

    /// <summary>The derived dialog's own steps (collecting the message), then the shared ones.</summary>
    protected void AddSteps(params WaterfallStep<BroadcastDraft>[] collect)
    {
        var steps = new WaterfallDialog<BroadcastDraft>(Id + ".steps", [.. collect, AskAudience, AskAudienceDetail, Preview, Start]);
        AddDialog(steps);
        InitialDialogId = steps.Id;
    }

    protected BroadcastFlowServices Services { get; }
    protected Say Say => Services.Say;

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (Services.Officers.IsOfficer(dc.Context.Activity)) return await base.ContinueDialogAsync(dc, cancellationToken);
        await Say.SendAsync(dc.Context, "core.officer-only");
        return await dc.CancelAllDialogsAsync(cancellationToken);
    }

    private async Task<DialogTurnResult> AskAudience(WaterfallStepContext<BroadcastDraft> step, CancellationToken ct)
    {
        var actor = await Services.Actors.OfAsync(step.Context, ct);
        var lang = actor.Language;
        var everyone = await Services.Broadcasts.ReachAsync(actor, new AudienceSpec { Kind = AudienceKind.All }, ct);
        var texts = Say.Texts;
        List<Choice> choices =
        [
            new("all", texts.Get(lang, "broadcast.audience-all", ("groups", everyone.Groups), ("members", everyone.Members))),
            new("groups", texts.Get(lang, "broadcast.audience-groups", ("groups", everyone.Groups))),
            new("members", texts.Get(lang, "broadcast.audience-members", ("members", everyone.Members))),
        ];
        if (await Services.Audience.CanFilterAsync(ct))
        {
            choices.Add(new("plan", texts.Get(lang, "broadcast.audience-plan")));
            choices.Add(new("unit", texts.Get(lang, "broadcast.audience-unit")));
        }
        return await step.PromptAsync(AudiencePrompt, new PromptOptions
        {
            Prompt = texts.Get(lang, "broadcast.pick-audience"),
            RetryPrompt = texts.Get(lang, "broadcast.retry-choice"),
            Choices = choices,
            GiveUpPrompt = GiveUp(lang, step.Values),
        }, ct);
    }

    private async Task<DialogTurnResult> AskAudienceDetail(WaterfallStepContext<BroadcastDraft> step, CancellationToken ct)
    {
        var draft = step.Values;
        var picked = (step.Result as Choice)?.Value;
        if (picked is not null)
        {
            draft.Audience = picked switch { "groups" => AudienceKind.Groups, "members" or "plan" or "unit" => AudienceKind.Members, _ => AudienceKind.All };
            draft.AudiencePlanId = picked == "plan" ? "" : null;
            draft.AudienceUnit = picked == "unit" ? "" : null;
        }
        var lang = await Say.LanguageAsync(step.Context, ct);
        var texts = Say.Texts;
        if (draft.AudiencePlanId is not null)
        {
            var plans = Services.Content.Plans.Select(p => new Choice(p.Id, p.Title.For(lang))).ToList();
            return await step.PromptAsync(AudienceDetailPrompt, new PromptOptions { Prompt = texts.Get(lang, "broadcast.pick-audience-plan"), Choices = plans, GiveUpPrompt = GiveUp(lang, draft) }, ct);
        }
        if (draft.AudienceUnit is not null)
        {
            var units = await Services.Audience.UnitsAsync(ct);
            if (units.Count == 0)
            {
                await Say.SendAsync(step.Context, "broadcast.no-units");
                return await step.EndDialogAsync(null, ct);
            }
            return await step.PromptAsync(AudienceDetailPrompt, new PromptOptions
            {
                Prompt = texts.Get(lang, "broadcast.pick-unit"),
                Choices = [.. units.Select(u => new Choice(u, u))],
                GiveUpPrompt = GiveUp(lang, draft),
            }, ct);
        }
        return await step.NextAsync(null, ct);
    }

    private async Task<DialogTurnResult> Preview(WaterfallStepContext<BroadcastDraft> step, CancellationToken ct)
    {
        var draft = step.Values;
        if ((step.Result as Choice)?.Value is { } detail)
        {
            if (draft.AudiencePlanId is not null) draft.AudiencePlanId = detail;
            else if (draft.AudienceUnit is not null) draft.AudienceUnit = detail;
        }
        var turn = step.Context;
        var actor = await Services.Actors.OfAsync(turn, ct);
        var lang = actor.Language;
        var texts = Say.Texts;
        var preview = await Services.Broadcasts.DraftAsync(actor, draft, ct);
        var recipients = preview.Recipients;
        if (recipients.Count == 0)
        {
            await Say.SendAsync(turn, "broadcast.no-recipients");
            return await step.EndDialogAsync(null, ct);
        }
        await turn.SendAsync(texts.Get(lang, "broadcast.preview-header"), ct);
        await turn.SendAsync(preview.Message.ToReply(), ct);
        var confirm = BroadcastFormat.Html(texts, lang, "broadcast.confirm", [("total", recipients.Count), ("groups", preview.Groups), ("members", preview.Members)],
            ("duration", BroadcastFormat.Duration(texts, lang, Estimate(recipients))));
        // A kickoff for a phase that is over would tell everyone to start something already finished: the officer
        // reads why, and only a button that says so sends it ("ok" or "gửi" are not enough).
        if (EndedPhase(draft) is var (plan, phase))
            return await step.PromptAsync(ConfirmPrompt, new PromptOptions
            {
                Prompt = texts.Get(lang, "broadcast.phase-ended-warning", ("phase", phase.Name.For(lang)), ("plan", plan.Title.For(lang)),
                    ("start", Bot.Movements.PlanFormat.Date(phase.Start)), ("end", Bot.Movements.PlanFormat.Date(phase.End)),
                    ("today", Bot.Movements.PlanFormat.Date(Services.Calendar.Today))) + "\n\n" + confirm,
                RetryPrompt = texts.Get(lang, "broadcast.phase-ended-retry"),
                GiveUpPrompt = GiveUp(lang, draft),
                Choices =
                [
                    new(Send, texts.Get(lang, "broadcast.phase-ended-send")) { Synonyms = ["van gui", "send anyway"] },
                    new(Discard, texts.Get(lang, "broadcast.confirm-discard")) { Synonyms = ["khong", "khong gui", "thoi", "no", "discard"] },
                ],
            }, ct);
        return await step.PromptAsync(ConfirmPrompt, new PromptOptions
        {
            Prompt = confirm,
            RetryPrompt = texts.Get(lang, "broadcast.retry-confirm"),
            GiveUpPrompt = GiveUp(lang, draft),
            Choices =
            [
                new(Send, texts.Get(lang, "broadcast.confirm-send")) { Synonyms = ["gui", "gui di", "co", "dong y", "ok", "send", "yes"] },
                new(Discard, texts.Get(lang, "broadcast.confirm-discard")) { Synonyms = ["khong", "khong gui", "thoi", "no", "discard"] },
            ],
        }, ct);
    }

    private async Task<DialogTurnResult> Start(WaterfallStepContext<BroadcastDraft> step, CancellationToken ct)
    {
        var turn = step.Context;
        if ((step.Result as Choice)?.Value != Send)
        {
            await Say.SendAsync(turn, "broadcast.discarded");
            return await step.EndDialogAsync(null, ct);
        }
        var actor = await Services.Actors.OfAsync(turn, ct);
        var lang = actor.Language;
        var officer = new ReportChat { Channel = turn.Activity.Channel, ChatId = turn.Activity.ChatId, Kind = turn.Activity.ChatKind, Language = lang };
        await Services.Broadcasts.StartAsync(actor, step.Values, [officer], async record =>
        {
            var text = Say.Texts.Get(lang, "broadcast.started", ("id", record.Id), ("total", record.Total));
            officer.ProgressMessageId = await turn.SendNowAsync(Services.Reporter.WithStopButton(record, lang, text), ct);
        }, ct);
        return await step.EndDialogAsync(null, ct);
    }

    /// <summary>Said when a choice was not understood three times: nothing was sent, and an announcement's text comes back to copy.</summary>
    protected string GiveUp(string lang, BroadcastDraft draft) => string.IsNullOrWhiteSpace(draft.Text)
        ? Say.Texts.Get(lang, "broadcast.give-up")
        : Say.Texts.Get(lang, "broadcast.give-up-with-text", ("text", draft.Text));

    private (Plan Plan, Phase Phase)? EndedPhase(BroadcastDraft draft) =>
        draft.Kind == BroadcastKind.Kickoff && Services.Content.FindPlan(draft.PlanId ?? "") is { } plan
            && plan.Phases.FirstOrDefault(p => p.Id == draft.PhaseId) is { } phase && phase.End < Services.Calendar.Today
            ? (plan, phase) : null;

    /// <summary>Each channel sends in parallel to the others at its own configured rate; unpaced channels count as instant.</summary>
    private TimeSpan Estimate(IReadOnlyList<Recipient> recipients) =>
        TimeSpan.FromSeconds(recipients.GroupBy(r => r.Channel)
            .Select(g => Services.Pacer.RateOf(g.Key) is { } rate ? g.Count() / rate : 0).DefaultIfEmpty(0).Max());
}
