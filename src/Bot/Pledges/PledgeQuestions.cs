using Bot.Builder.Prompts;
using Bot.Content;
using Bot.Conversations;

namespace Bot.Pledges;

/// <summary>The rules of the form: which questions apply, which must be asked, what each asks and offers, and where answers go.</summary>
public sealed class PledgeQuestions(PledgeContent pledges, BotContent content, RegistrationPeriods periods, IPledgeStore repository, Say say)
{
    public const string Skip = "skip";

    /// <summary>Plans a member can register for: those whose registration is open today (none: registration is closed).</summary>
    public IReadOnlyList<Plan> CandidatePlans() => periods.OpenPlans();

    public Plan PlanOf(PledgeDraft draft) => content.FindPlan(draft.PlanId ?? "") ?? CandidatePlans().FirstOrDefault() ?? content.DefaultPlan;

    public bool IsRequired(PledgeDraft draft, PledgeField field) => field switch
    {
        PledgeField.Plan or PledgeField.Name or PledgeField.Position or PledgeField.Unit or PledgeField.Title => true,
        PledgeField.Initiative or PledgeField.InitiativeField => pledges.Title(draft.TitleId)?.RequiresInitiative == true,
        _ => false,
    };

    public bool Applies(PledgeDraft draft, PledgeField field) => field switch
    {
        PledgeField.Plan => CandidatePlans().Count > 1,
        PledgeField.Movements => PlanOf(draft).Movements.Count > 0,
        PledgeField.Initiative or PledgeField.InitiativeField => IsRequired(draft, field),
        _ => true,
    };

    public IEnumerable<PledgeField> Missing(PledgeDraft draft) =>
        Enum.GetValues<PledgeField>().Where(f => Applies(draft, f) && IsRequired(draft, f) && !draft.Has(f));

    /// <summary>
    /// Going back re-asks only questions that were asked; an edit asks the chosen field (and anything it made required);
    /// otherwise required fields are asked when missing and, in the guided form, optional ones once.
    /// </summary>
    public bool ShouldAsk(PledgeDraft draft, PledgeField field, bool isBack)
    {
        if (!Applies(draft, field)) return false;
        if (isBack) return draft.Asked.Contains(field);
        var missing = IsRequired(draft, field) && !draft.Has(field);
        if (draft.Editing is { } editing) return editing == field || missing;
        if (missing) return true;
        return !draft.Quick && !IsRequired(draft, field) && !draft.Answered.Contains(field);
    }

    public void Store(PledgeDraft draft, PledgeField field, object result)
    {
        switch (field, result)
        {
            case (PledgeField.Plan, Choice plan): draft.PlanId = plan.Value; break;
            case (PledgeField.Title, Choice title): draft.TitleId = title.Value; break;
            case (PledgeField.Commendation, Choice form): draft.CommendationId = form.Value == Skip ? null : form.Value; break;
            case (PledgeField.Movements, List<string> movements): draft.Movements = movements; break;
            case (PledgeField.Name, string name): draft.FullName = PledgeInput.Name(name).Value; break;
            case (_, string text):
                var value = text.Length == 0 ? null : PledgeInput.Text(text, field).Value;
                if (field == PledgeField.Position) draft.Position = value;
                else if (field == PledgeField.Unit) draft.Unit = value;
                else if (field == PledgeField.Initiative) draft.Initiative = value;
                else if (field == PledgeField.InitiativeField) draft.InitiativeField = value;
                else if (field == PledgeField.Commitment) draft.Commitment = value;
                break;
        }
        draft.MarkAnswered(field);
    }

    public static string PromptId(PledgeField field) => $"pledge.{field}";

    public async Task<PromptOptions> OptionsAsync(ITurnContext turn, PledgeDraft draft, PledgeField field, CancellationToken ct)
    {
        var lang = await say.LanguageAsync(turn, ct);
        var texts = say.Texts;
        var skip = new Choice(texts.Get(lang, "pledge.skip"), texts.Get(lang, "pledge.skip"));
        var plan = PlanOf(draft);
        var (key, choices, retry) = field switch
        {
            PledgeField.Plan => ("pledge.ask-plan", CandidatePlans().Select(p => new Choice(p.Id, p.Title.For(lang))).ToList(), "pledge.retry-plan"),
            PledgeField.Movements => ("pledge.ask-movements", [.. plan.Movements.Select(m => new Choice(m.Id, m.Name.For(lang))), skip], "pledge.retry-movements"),
            PledgeField.Title => ("pledge.ask-title", TitleChoices(lang), "pledge.retry-title"),
            PledgeField.Initiative => ("pledge.ask-initiative", [], null),
            PledgeField.InitiativeField => ("pledge.ask-initiative-field", pledges.Form.InitiativeFields.Select(f => new Choice(f.For(lang), f.For(lang))).ToList(), null),
            PledgeField.Commendation => ("pledge.ask-commendation",
                [.. pledges.Form.Commendations.Select(c => new Choice(c.Id, c.Name.For(lang))), new Choice(Skip, skip.Label) { Synonyms = pledges.Vocabulary.SkipWords }],
                "pledge.retry-commendation"),
            PledgeField.Commitment => ("pledge.ask-commitment", [skip], null),
            _ => ($"pledge.ask-{field.ToString().ToLowerInvariant()}", await DefaultsAsync(turn, field, ct), null),
        };
        var text = texts.Get(lang, key, ("plan", plan.Title.For(lang)), ("title", pledges.Title(draft.TitleId)?.Name.For(lang)), ("count", pledges.Form.Titles.Count));
        if (field is (PledgeField.Name or PledgeField.Position or PledgeField.Unit) && choices.Count > 0) text += "\n" + texts.Get(lang, "pledge.default-hint");
        return new PromptOptions
        {
            Prompt = text,
            RetryPrompt = retry is null ? text : texts.Get(lang, retry, ("count", pledges.Form.Titles.Count)),
            Choices = choices,
            MaxAttempts = 5,
            GiveUp = PromptGiveUp.ReturnToCaller, // the form keeps the draft for /dangky and says so
        };
    }

    private List<Choice> TitleChoices(string lang) =>
        [.. pledges.Form.Titles.Select(t => new Choice(t.Id, t.Abbreviations.Count > 0 ? $"{t.Name.For(lang)} ({t.Abbreviations[0]})" : t.Name.For(lang))
        {
            Synonyms = [.. t.Spellings],
        })];

    /// <summary>Name, position and unit from the member's latest pledge; for a first name, the chat's display name if it looks like one.</summary>
    private async Task<List<Choice>> DefaultsAsync(ITurnContext turn, PledgeField field, CancellationToken ct)
    {
        var latest = (await repository.ForMemberAsync(turn.Activity.Channel, turn.Activity.UserId, ct)).FirstOrDefault();
        var value = field switch
        {
            PledgeField.Name => latest?.FullName ?? PledgeInput.Name(turn.Activity.UserName).Value,
            PledgeField.Position => latest?.Position,
            _ => latest?.Unit,
        };
        return value is null ? [] : [new Choice(value, value)];
    }

    /// <summary>Fills name, position and unit from the member's latest pledge (quick registrations ask only what is missing).</summary>
    public async Task FillFromLatestAsync(PledgeDraft draft, string channel, string userId, CancellationToken ct)
    {
        if ((await repository.ForMemberAsync(channel, userId, ct)).FirstOrDefault() is not { } latest) return;
        draft.FullName ??= latest.FullName;
        draft.Position ??= latest.Position;
        draft.Unit ??= latest.Unit;
    }
}
