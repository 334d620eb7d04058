using Bot.Builder.Dialogs;
using Bot.Builder.Prompts;
using Bot.Builder.State;
using Bot.Conversations;

namespace Bot.Pledges;

/// <summary>
/// The registration form (/dangky): asks each missing field, validates it, offers the member's previous answers,
/// supports back / cancel / help (handled by the dialog runner), and ends with a summary to confirm or edit field by field.
/// In a group it only shows the name-and-title summary of a complete quick registration for its owner to confirm.
/// </summary>
public sealed class RegisterPledgeDialog : ComponentDialog
{
    private const string Steps = "pledge.steps";
    private const string ReviewPrompt = "pledge.review";
    private const string EditPrompt = "pledge.edit";
    private const string Confirm = "confirm";
    private const string Edit = "edit";
    private const string Cancel = "/huy"; // the cancel interruption, so a pressed button cancels like typing "huỷ"

    private readonly PledgeContent _pledges;
    private readonly PledgeQuestions _questions;
    private readonly PledgeSummary _summary;
    private readonly PledgeRegistrar _registrar;
    private readonly RegistrationGate _gate;
    private readonly Menu _menu;
    private readonly Say _say;
    private readonly IDeepLinks _links;
    private readonly TimeSpan _expiry;

    public RegisterPledgeDialog(PledgeContent pledges, PledgeQuestions questions, PledgeSummary summary, PledgeRegistrar registrar,
        RegistrationGate gate, Menu menu, Say say, IDeepLinks links, IOptions<PledgeOptions> options) : base(nameof(RegisterPledgeDialog))
    {
        (_pledges, _questions, _summary, _registrar, _gate, _menu, _say, _links) = (pledges, questions, summary, registrar, gate, menu, say, links);
        _expiry = options.Value.DraftExpiry ?? TimeSpan.FromHours(pledges.Form.DraftExpiryHours);
        AddDialog(new WaterfallDialog<PledgeDraft>(Steps,
            [AskPlan, AskName, AskPosition, AskUnit, AskMovements, AskTitle, AskInitiative, AskInitiativeField, AskCommendation, AskCommitment, Review, AfterReview, AfterEdit]));
        AddDialog(new ChoicePrompt(PledgeQuestions.PromptId(PledgeField.Plan)));
        foreach (var field in (PledgeField[])[PledgeField.Name, PledgeField.Position, PledgeField.Unit, PledgeField.Initiative, PledgeField.InitiativeField, PledgeField.Commitment])
            AddDialog(new FieldPrompt(PledgeQuestions.PromptId(field), pledges.Vocabulary, Validator(field)));
        AddDialog(new MovementsPrompt(PledgeQuestions.PromptId(PledgeField.Movements), pledges.Vocabulary));
        AddDialog(new ChoicePrompt(PledgeQuestions.PromptId(PledgeField.Title)));
        AddDialog(new ChoicePrompt(PledgeQuestions.PromptId(PledgeField.Commendation)));
        AddDialog(new ChoicePrompt(ReviewPrompt));
        AddDialog(new ChoicePrompt(EditPrompt));
    }

    /// <summary>The form version in dialogs/pledge/form.yaml: a changed form restarts older drafts politely.</summary>
    public override int Version => _pledges.Form.Version;

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
        await ExpiredAsync(dc, cancellationToken) ?? await base.ContinueDialogAsync(dc, cancellationToken);

    public override async Task<DialogTurnResult> BackAsync(DialogContext dc, CancellationToken cancellationToken) =>
        await ExpiredAsync(dc, cancellationToken) ?? await base.BackAsync(dc, cancellationToken);

    private Task<DialogTurnResult> AskPlan(WaterfallStepContext<PledgeDraft> step, CancellationToken ct) => AskAsync(step, PledgeField.Plan, ct);
    private Task<DialogTurnResult> AskName(WaterfallStepContext<PledgeDraft> step, CancellationToken ct) => AskAsync(step, PledgeField.Name, ct);
    private Task<DialogTurnResult> AskPosition(WaterfallStepContext<PledgeDraft> step, CancellationToken ct) => AskAsync(step, PledgeField.Position, ct);
    private Task<DialogTurnResult> AskUnit(WaterfallStepContext<PledgeDraft> step, CancellationToken ct) => AskAsync(step, PledgeField.Unit, ct);
    private Task<DialogTurnResult> AskMovements(WaterfallStepContext<PledgeDraft> step, CancellationToken ct) => AskAsync(step, PledgeField.Movements, ct);
    private Task<DialogTurnResult> AskTitle(WaterfallStepContext<PledgeDraft> step, CancellationToken ct) => AskAsync(step, PledgeField.Title, ct);
    private Task<DialogTurnResult> AskInitiative(WaterfallStepContext<PledgeDraft> step, CancellationToken ct) => AskAsync(step, PledgeField.Initiative, ct);
    private Task<DialogTurnResult> AskInitiativeField(WaterfallStepContext<PledgeDraft> step, CancellationToken ct) => AskAsync(step, PledgeField.InitiativeField, ct);
    private Task<DialogTurnResult> AskCommendation(WaterfallStepContext<PledgeDraft> step, CancellationToken ct) => AskAsync(step, PledgeField.Commendation, ct);
    private Task<DialogTurnResult> AskCommitment(WaterfallStepContext<PledgeDraft> step, CancellationToken ct) => AskAsync(step, PledgeField.Commitment, ct);

    private async Task<DialogTurnResult> Review(WaterfallStepContext<PledgeDraft> step, CancellationToken ct)
    {
        if (step.Result is PromptGaveUp) return await PauseAsync(step, ct);
        Absorb(step);
        var draft = step.Values;
        draft.Editing = null;
        var turn = step.Context;
        var lang = await _say.LanguageAsync(turn, ct);
        var texts = _say.Texts;
        // An update keeps what this form did not say, and is saved only if the pledge is still the one shown here.
        var existing = await _registrar.ExistingAsync(turn, draft.PlanId!, ct);
        if (existing is { Status: PledgeStatus.Approved })
        {
            await _gate.ApprovedAsync(turn, existing, ct);
            return await step.EndDialogAsync(null, ct);
        }
        if (existing is { IsActive: true }) PledgeMerge.FillFrom(draft, existing);
        draft.BaseVersion = existing?.Version;
        var confirm = new Choice(Confirm, texts.Get(lang, "pledge.confirm")) { Synonyms = _pledges.Vocabulary.ConfirmWords };
        var cancel = new Choice(Cancel, texts.Get(lang, "pledge.cancel"));
        Reply prompt;
        if (turn.Activity.ChatKind == ChatKind.Group)
        {
            // Only the member's name and title are shown in the group; the rest stays private.
            var link = _links.PrivateChatLink(turn.Activity.Channel, PledgePayloads.FormFor(draft.PlanId));
            prompt = new Reply
            {
                Text = texts.Get(lang, "pledge.group-review", ("name", draft.FullName), ("title", _summary.TitleName(lang, draft.TitleId)),
                    ("plan", _summary.PlanTitle(lang, draft.PlanId!))),
                Buttons = link is null ? [] : [new Button(texts.Get(lang, "pledge.edit-in-private"), Url: link)],
            };
            return await step.PromptAsync(ReviewPrompt, new PromptOptions
            {
                Prompt = prompt, Choices = [confirm, cancel], RetryPrompt = texts.Get(lang, "pledge.retry-review"), GiveUp = PromptGiveUp.ReturnToCaller,
            }, ct);
        }
        var text = texts.Get(lang, "pledge.summary-header") + "\n" + _summary.Lines(lang, draft);
        if (existing is { IsActive: true })
        {
            var changes = _summary.Changes(lang, existing, draft);
            text += "\n\n" + texts.Get(lang, "pledge.summary-replaces", ("id", existing.Id), ("title", _summary.TitleName(lang, existing.TitleId)),
                ("date", _summary.Date(existing.CreatedAt)), ("status", _summary.Status(lang, existing.Status)));
            text += "\n" + (changes.Length > 0 ? texts.Get(lang, "pledge.summary-changes") + "\n" + changes : texts.Get(lang, "pledge.summary-no-changes"));
        }
        text += "\n\n" + texts.Get(lang, "pledge.summary-question");
        var edit = new Choice(Edit, texts.Get(lang, "pledge.edit")) { Synonyms = _pledges.Vocabulary.EditWords };
        return await step.PromptAsync(ReviewPrompt, new PromptOptions
        {
            Prompt = text,
            RetryPrompt = texts.Get(lang, "pledge.retry-review"),
            Choices = [confirm, edit, cancel],
            MaxAttempts = 5,
            GiveUp = PromptGiveUp.ReturnToCaller,
        }, ct);
    }

    private async Task<DialogTurnResult> AfterReview(WaterfallStepContext<PledgeDraft> step, CancellationToken ct)
    {
        if (step.Result is PromptGaveUp) return await PauseAsync(step, ct);
        var lang = await _say.LanguageAsync(step.Context, ct);
        switch ((step.Result as Choice)?.Value)
        {
            case Confirm:
                await _registrar.SaveAsync(step.Context, step.Values, ct);
                return await step.EndDialogAsync(null, ct);
            case Edit:
                // The plan of a stored pledge is not changed by an edit (that would be another registration).
                var fields = Enum.GetValues<PledgeField>().Where(f => _questions.Applies(step.Values, f) && !(f == PledgeField.Plan && step.Values.PledgeId is not null))
                    .Select(f => new Choice(f.ToString(), _summary.FieldLabel(lang, f))).ToList();
                return await step.PromptAsync(EditPrompt, new PromptOptions
                {
                    Prompt = _say.Texts.Get(lang, "pledge.ask-edit-field"), Choices = fields, GiveUp = PromptGiveUp.ReturnToCaller,
                    GiveUpPrompt = _say.Texts.Get(lang, "pledge.edit-give-up"),
                }, ct);
            default:
                await _menu.ShowAsync(step.Context, "core.cancelled");
                return await step.Dialogs.CancelAllDialogsAsync(ct);
        }
    }

    private Task<DialogTurnResult> AfterEdit(WaterfallStepContext<PledgeDraft> step, CancellationToken ct)
    {
        // Run the form again from the top: every step but the chosen one (and any it makes required) is skipped.
        // No field recognised: the same run with nothing to edit shows the summary again, the draft untouched.
        step.Values.Editing = step.Result is Choice field ? Enum.Parse<PledgeField>(field.Value) : null;
        return step.ReplaceDialogAsync(Steps, step.Values, ct);
    }

    /// <summary>
    /// Too many answers not understood: the form stops, but what the member entered is kept for /dangky (the same
    /// place a registration begun in a group waits), and the member is told so.
    /// </summary>
    private async Task<DialogTurnResult> PauseAsync(WaterfallStepContext<PledgeDraft> step, CancellationToken ct)
    {
        var draft = step.Values;
        (draft.Asking, draft.Editing) = (null, null);
        var turn = step.Context;
        await turn.State.SetAsync(StateScope.User, PendingPledge.Property, new PendingPledge(draft, turn.Time.GetUtcNow()), ct);
        await _say.SendAsync(turn, turn.Activity.ChatKind == ChatKind.Group ? "pledge.group-give-up" : "pledge.give-up");
        return await step.Dialogs.CancelAllDialogsAsync(ct);
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext<PledgeDraft> step, PledgeField field, CancellationToken ct)
    {
        if (step.Result is PromptGaveUp) return await PauseAsync(step, ct);
        Absorb(step);
        var draft = step.Values;
        if (!_questions.ShouldAsk(draft, field, step.IsBack))
        {
            if (step.IsBack && step.Index == 0) await _say.SendAsync(step.Context, "core.cannot-go-back");
            return await step.NextAsync(null, ct);
        }
        draft.Asking = field;
        draft.MarkAsked(field);
        return await step.PromptAsync(PledgeQuestions.PromptId(field), await _questions.OptionsAsync(step.Context, draft, field, ct), ct);
    }

    /// <summary>The answer to the question asked last goes into its field (steps are skipped, so "the previous step" is not enough).</summary>
    private void Absorb(WaterfallStepContext<PledgeDraft> step)
    {
        if (step.Values.Asking is { } field && step.Result is { } result) _questions.Store(step.Values, field, result);
        step.Values.Asking = null;
    }

    private PromptValidator<string> Validator(PledgeField field) => async (prompt, ct) =>
    {
        var value = prompt.Recognized.Value ?? "";
        var required = field is PledgeField.Name or PledgeField.Position or PledgeField.Unit or PledgeField.Initiative or PledgeField.InitiativeField;
        if (value.Length == 0 && !required) return true;
        var check = value.Length == 0 ? new CheckedInput(null, InputProblem.Required)
            : field == PledgeField.Name ? PledgeInput.Name(value) : PledgeInput.Text(value, field);
        if (check.Ok) return true;
        await _say.SendAsync(prompt.Context, $"pledge.input-{Kebab(check.Problem)}", ("max", check.Limit), ("min", check.Limit));
        return false;
    };

    private async Task<DialogTurnResult?> ExpiredAsync(DialogContext dc, CancellationToken ct)
    {
        var lastAsked = ReadState<DialogState>(dc.ActiveDialog!)?.Stack.LastOrDefault()?.UpdatedAt;
        if (lastAsked is not { } at || dc.Context.Time.GetUtcNow() - at <= _expiry) return null;
        var lang = await _say.LanguageAsync(dc.Context, ct);
        await dc.Context.SendAsync(new Reply
        {
            Text = _say.Texts.Get(lang, "pledge.draft-expired", ("period", Period(lang, _expiry))),
            Choices = [new Choice("/dangky", _say.Texts.Get(lang, "pledge.restart"))],
        }, ct);
        return await dc.CancelAllDialogsAsync(ct);
    }

    /// <summary>"7 ngày" rather than "168 giờ": the largest whole unit that fits the configured expiry.</summary>
    private string Period(string lang, TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays) ? _say.Texts.Get(lang, "pledge.expiry-days", ("count", (int)span.TotalDays))
        : span.TotalHours >= 1 ? _say.Texts.Get(lang, "pledge.expiry-hours", ("count", (int)span.TotalHours))
        : _say.Texts.Get(lang, "pledge.expiry-minutes", ("count", Math.Max(1, (int)span.TotalMinutes)));

    private static string Kebab(InputProblem problem) => problem switch
    {
        InputProblem.InvalidCharacters => "invalid-characters",
        InputProblem.NoLetters => "no-letters",
        InputProblem.TooLong => "too-long",
        InputProblem.TooShort => "too-short",
        InputProblem.NameShape => "name-shape",
        _ => problem.ToString().ToLowerInvariant(),
    };
}
