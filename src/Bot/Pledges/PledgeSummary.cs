using System.Globalization;
using System.Text;
using Bot.Content;

namespace Bot.Pledges;

/// <summary>How a pledge or a draft reads to people: the summary lines, titles, statuses and dates.</summary>
public sealed class PledgeSummary(PledgeContent pledges, BotContent content, PlanCalendar calendar, Texts texts)
{
    public string Lines(string lang, PledgeDraft d)
    {
        var sb = new StringBuilder();
        foreach (var field in Enum.GetValues<PledgeField>())
            if (Value(lang, field, d) is { Length: > 0 } value)
                sb.Append(texts.Get(lang, "pledge.summary-line", ("label", FieldLabel(lang, field)), ("value", value))).Append('\n');
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>"Label: old → new" for each field an update changes, so the member sees what confirming does.</summary>
    public string Changes(string lang, Pledge stored, PledgeDraft draft)
    {
        var before = ToDraft(stored);
        var empty = texts.Get(lang, "pledge.summary-empty");
        var sb = new StringBuilder();
        foreach (var field in PledgeMerge.Changed(stored, draft))
            sb.Append(texts.Get(lang, "pledge.summary-change", ("label", FieldLabel(lang, field)),
                ("old", Value(lang, field, before) is { Length: > 0 } old ? old : empty),
                ("new", Value(lang, field, draft) is { Length: > 0 } now ? now : empty))).Append('\n');
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>A field as people read it (names, not ids); null when empty.</summary>
    public string? Value(string lang, PledgeField field, PledgeDraft d)
    {
        var plan = content.FindPlan(d.PlanId ?? "");
        return field switch
        {
            PledgeField.Plan => plan?.Title.For(lang),
            PledgeField.Name => d.FullName,
            PledgeField.Position => d.Position,
            PledgeField.Unit => d.Unit,
            PledgeField.Movements => d.Movements is { Count: > 0 } ids
                ? string.Join("; ", ids.Select(id => plan?.Movements.FirstOrDefault(m => m.Id == id)?.Name.For(lang) ?? id))
                : null,
            PledgeField.Title => d.TitleId is null ? null : TitleName(lang, d.TitleId),
            PledgeField.Initiative => d.Initiative,
            PledgeField.InitiativeField => d.InitiativeField,
            PledgeField.Commendation => pledges.Commendation(d.CommendationId)?.Name.For(lang),
            _ => d.Commitment,
        };
    }

    public static PledgeDraft ToDraft(Pledge p) => new()
    {
        PlanId = p.PlanId, FullName = p.FullName, Position = p.Position, Unit = p.Unit, Movements = [.. p.Movements], TitleId = p.TitleId,
        CommendationId = p.CommendationId, Initiative = p.Initiative, InitiativeField = p.InitiativeField, Commitment = p.Commitment,
    };

    public string FieldLabel(string lang, PledgeField field) => texts.Get(lang, $"pledge.field-{Kebab(field)}");

    public string TitleName(string lang, string? titleId) => pledges.Title(titleId)?.Name.For(lang) ?? titleId ?? "";

    public string PlanTitle(string lang, string planId) => content.FindPlan(planId)?.Title.For(lang) ?? planId;

    public string Status(string lang, PledgeStatus status) => texts.Get(lang, $"pledge.status-{status.ToString().ToLowerInvariant()}");

    /// <summary>The day in the plans' time zone, dd/MM/yyyy as on the paper lists.</summary>
    public string Date(DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, calendar.Zone).DateTime).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Kebab(PledgeField field) => field switch
    {
        PledgeField.InitiativeField => "initiative-field",
        _ => field.ToString().ToLowerInvariant(),
    };
}
